package org.iamlab.cli;

import java.math.BigDecimal;

/**
 * One answer line of {@code iamlab simulate}, {@code {"id":ID,"FIELD":"VALUE"}}, written exactly as Jackson's
 * generator wrote it (no spaces; {@code "}, {@code \} and control characters escaped, the short forms where
 * JSON has them; everything else as is).
 */
final class AnswerLine {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AnswerLine() {
    }

    /** {@code id} is a string, a {@link Long}, a {@link BigDecimal} or {@code null}, as the scenario gave it. */
    static String of(Object id, String field, String value) {
        StringBuilder line = new StringBuilder(32 + value.length());
        line.append("{\"id\":");
        if (id instanceof String text) {
            string(line, text);
        } else if (id == null) {
            line.append("null");
        } else {
            line.append(id);
        }
        line.append(',');
        string(line, field);
        line.append(':');
        string(line, value);
        return line.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20) {
                out.append(c);
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        out.append('"');
    }
}
