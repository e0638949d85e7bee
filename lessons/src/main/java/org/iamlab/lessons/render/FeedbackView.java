package org.iamlab.lessons.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.lessons.check.CheckResult;
import org.iamlab.lessons.check.Feedback;

/**
 * Feedback as text, as HTML and as the check JSON. Each check reads passed or failed in words and an icon (never
 * colour alone); a failed one gives the request's decision and reason, with its trace one click away (an HTML
 * {@code <details>}, or indented below in text).
 */
public final class FeedbackView {

    /** The MIME type of {@link #json}. */
    public static final String CHECK_MIME = "application/vnd.iamlab.check+json";

    private FeedbackView() {
    }

    /** {@code {"exercise": ID, "passed": N, "total": M, "points": P, "max_points": Q}}. */
    public static Map<String, Object> json(Feedback f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exercise", f.exercise());
        out.put("passed", f.passed());
        out.put("total", f.total());
        out.put("points", f.points());
        out.put("max_points", f.maxPoints());
        return out;
    }

    /** The summary line: {@code bob-reads-logs: not yet right (2/3 checks, 0/2 points)}. */
    public static String headline(Feedback f) {
        String counts = f.status() == Feedback.Status.NOT_ATTEMPTED ? "0/" + f.maxPoints() + " points"
                : f.passed() + "/" + f.total() + " checks, " + f.points() + "/" + f.maxPoints() + " points";
        return f.exercise() + ": " + f.status().words() + " (" + counts + ")";
    }

    public static String text(Feedback f) {
        StringBuilder out = new StringBuilder(headline(f)).append('\n');
        if (f.note() != null) {
            out.append("  ").append(f.note()).append('\n');
        }
        for (CheckResult r : f.results()) {
            out.append(r.passed() ? "  \u2713 " : "  \u2717 ").append(r.requirement());
            if (!r.passed() && r.decision() != null) {
                out.append(": ").append(r.decision().label());
            }
            if (r.reason() != null && !r.reason().isBlank()) {
                out.append(r.passed() ? " (" + r.reason() + ")" : ": " + r.reason());
            }
            out.append('\n');
            if (!r.passed() && r.trace() != null) {
                TextTraceView.render(r.trace()).lines().forEach(l -> out.append("      ").append(l).append('\n'));
            }
        }
        if (f.hint() != null) {
            out.append("  hint: ").append(f.hint()).append('\n');
        }
        if (f.explanation() != null) {
            out.append("  ").append(f.explanation().strip().replace("\n", "\n  ")).append('\n');
        }
        return out.toString();
    }

    public static String html(Feedback f) {
        String colour = switch (f.status()) {
            case PASSED -> "#1a7f37";
            case FAILED -> "#cf222e";
            case NOT_ATTEMPTED -> "#57606a";
        };
        String icon = switch (f.status()) {
            case PASSED -> "\u2713";
            case FAILED -> "\u2717";
            case NOT_ATTEMPTED -> "\u25cb";
        };
        StringBuilder out = new StringBuilder(2048);
        out.append("<div class=\"iamlab-check\" data-exercise=\"").append(escape(f.exercise()))
                .append("\" style=\"border-left:4px solid ").append(colour)
                .append(";padding:4px 10px;font-family:system-ui,sans-serif\">");
        out.append("<div style=\"font-weight:600\"><span style=\"color:").append(colour).append("\">").append(icon)
                .append(' ').append(escape(f.status().words())).append("</span> \u2014 ").append(escape(f.title()))
                .append(" <code>").append(escape(f.exercise())).append("</code> <span style=\"font-weight:400\">")
                .append(escape(f.status() == Feedback.Status.NOT_ATTEMPTED ? "" : f.passed() + "/" + f.total()
                        + " checks, ")).append(f.points()).append('/').append(f.maxPoints())
                .append(" points</span></div>");
        if (f.note() != null) {
            out.append("<div>").append(escape(f.note())).append("</div>");
        }
        if (!f.results().isEmpty()) {
            out.append("<ul style=\"list-style:none;padding-left:0;margin:4px 0\">");
            for (CheckResult r : f.results()) {
                out.append("<li class=\"").append(r.passed() ? "passed" : "failed").append("\"><span style=\"color:")
                        .append(r.passed() ? "#1a7f37" : "#cf222e").append("\">")
                        .append(r.passed() ? "\u2713 passed" : "\u2717 failed").append("</span>: ")
                        .append(escape(r.requirement()));
                if (!r.passed() && r.decision() != null) {
                    out.append(" \u2014 <strong>").append(escape(r.decision().label())).append("</strong>");
                }
                if (r.reason() != null && !r.reason().isBlank()) {
                    out.append(": ").append(escape(r.reason()));
                }
                if (!r.passed() && r.trace() != null) {
                    out.append("<details><summary>the trace</summary>").append(HtmlTraceView.fragment(r.trace()))
                            .append("</details>");
                }
                out.append("</li>");
            }
            out.append("</ul>");
        }
        if (f.hint() != null) {
            out.append("<div><strong>Hint:</strong> ").append(escape(f.hint())).append("</div>");
        }
        if (f.explanation() != null) {
            out.append("<div>").append(escape(f.explanation().strip())).append("</div>");
        }
        return out.append("</div>").toString();
    }

    /** {@code text} escaped for HTML text and attribute values (the kernel's, feedback's and grading's views). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
