package org.iamlab.lessons.grade;

import java.util.List;
import org.iamlab.engine.render.HtmlTraceView;

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

    static String escape(String text) {
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
