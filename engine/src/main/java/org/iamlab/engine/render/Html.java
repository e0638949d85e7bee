package org.iamlab.engine.render;

import java.util.ArrayList;
import java.util.List;

/** Escaping and small text helpers for the HTML and SVG views (and the course site's highlighted code). */
public final class Html {

    private Html() {
    }

    /** Appends {@code text} escaped for HTML or XML text and attribute values. */
    public static StringBuilder esc(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#xFFFD;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    static String esc(String text) {
        return esc(new StringBuilder(text.length() + 16), text).toString();
    }

    /** {@code value} as a JSON string literal (quotes included). */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code text} broken into lines of at most {@code width} characters, at spaces where possible; a word
     * longer than a line (an ARN) is cut, after a {@code :} or {@code /} where one is near the end.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            while (word.length() > width) {
                int room = line.length() == 0 ? width : width - line.length() - 1;
                if (room < 8) {
                    lines.add(line.toString());
                    line.setLength(0);
                    room = width;
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                int cut = room;
                for (int i = room - 1; i > room / 2; i--) {
                    if (word.charAt(i) == ':' || word.charAt(i) == '/') {
                        cut = i + 1;
                        break;
                    }
                }
                line.append(word, 0, cut);
                lines.add(line.toString());
                line.setLength(0);
                word = word.substring(cut);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
