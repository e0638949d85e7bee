package org.iamlab.lessons.grade;

import java.util.List;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.lessons.render.FeedbackView;

/** The grading pages' few pieces of HTML around the feedback and trace views. */
final class Html {

    private Html() {
    }

    static String page(String title, List<String> body) {
        return HtmlTraceView.pageStart().replace("<title>IAM Lab decision trace</title>", "<title>" + escape(title)
                + "</title>") + String.join("\n", body) + HtmlTraceView.pageEnd();
    }

    static String box(String text) {
        return "<p style=\"border-left:4px solid #9a6700;padding:4px 10px\">" + escape(text) + "</p>";
    }

    /** {@code text} escaped for HTML, as every feedback view escapes it. */
    static String escape(String text) {
        return FeedbackView.escape(text);
    }
}
