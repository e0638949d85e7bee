package org.iamlab.lessons.render;

import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Option;

/**
 * An exercise as the learner sees it: title, prompt, options, and how to answer; never a solution or a check. The
 * prompt and the options are Markdown: plain in the text view, rendered in the HTML card.
 */
public final class ExerciseView {

    private ExerciseView() {
    }

    /** How the learner answers it. */
    public static String how(Exercise e) {
        if (e instanceof Exercise.Decision) {
            return "answer '" + e.id() + "', 'Allowed' (or 'ExplicitlyDenied', 'ImplicitlyDenied')";
        }
        if (e instanceof Exercise.Choice c) {
            return "answer '" + e.id() + "', " + (c.multi() ? "['A', 'C'] (select all that apply)" : "'A'");
        }
        return "change the world, then check '" + e.id() + "'";
    }

    public static String text(Exercise e) {
        StringBuilder out = new StringBuilder(e.header().title()).append(" (").append(e.id()).append(", ")
                .append(e.header().points()).append(e.header().points() == 1 ? " point" : " points").append(")\n")
                .append(e.header().prompt().strip()).append('\n');
        if (e instanceof Exercise.Choice c) {
            for (Option o : c.options()) {
                out.append("  ").append(o.letter()).append(". ").append(o.text()).append('\n');
            }
        }
        return out.append(how(e)).append('\n').toString();
    }

    public static String html(Exercise e) {
        StringBuilder out = new StringBuilder("<div class=\"iamlab-exercise\" style=\"font-family:system-ui,sans-serif\">")
                .append("<div style=\"font-weight:600\">").append(FeedbackView.escape(e.header().title()))
                .append(" <code>").append(FeedbackView.escape(e.id())).append("</code></div><div>")
                .append(MarkdownHtml.block(e.header().prompt().strip())).append("</div>");
        if (e instanceof Exercise.Choice c) {
            out.append("<ol type=\"A\">");
            for (Option o : c.options()) {
                out.append("<li>").append(MarkdownHtml.inline(o.text())).append("</li>");
            }
            out.append("</ol>");
        }
        return out.append("<div><code>").append(FeedbackView.escape(how(e))).append("</code></div></div>").toString();
    }
}
