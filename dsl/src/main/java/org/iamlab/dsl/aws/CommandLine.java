package org.iamlab.dsl.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code aws ...} command split into words the way a POSIX shell splits it (single quotes literal, double
 * quotes with backslash escapes, backslash-newline continuing the line), with the line of the text it starts on.
 */
public record CommandLine(List<String> words, int line, String text) {

    public CommandLine {
        words = List.copyOf(words);
    }

    /**
     * Splits {@code text} into commands: one per line, where a line may continue with a trailing backslash or
     * inside quotes. Blank lines and {@code #} comments are skipped, and a leading {@code $ } prompt is dropped.
     */
    public static List<CommandLine> parse(String text) {
        List<CommandLine> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        StringBuilder raw = new StringBuilder();
        int line = 1;
        int start = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' ) {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new AwsCliException(start, "a single quote opened on line " + line + " is never closed",
                            null);
                }
                String quoted = text.substring(i + 1, end);
                word = word == null ? new StringBuilder() : word;
                word.append(quoted);
                raw.append(text, i, end + 1);
                line += count(quoted);
                i = end + 1;
                continue;
            }
            if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                raw.append(c);
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    raw.append(d);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                        char next = text.charAt(i + 1);
                        raw.append(next);
                        if (next != '\n') {
                            word.append(next);
                        } else {
                            line++;
                        }
                        i += 2;
                        continue;
                    }
                    if (d == '\n') {
                        line++;
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new AwsCliException(start, "a double quote is never closed", null);
                }
                continue;
            }
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                line++;
                raw.append(' ');
                i += 2;
                continue;
            }
            if (c == '\\' && i + 2 < n && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
                line++;
                i += 3;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                word = word == null ? new StringBuilder() : word;
                word.append(text.charAt(i + 1));
                raw.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '#' && word == null) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\n' || c == ';') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                finish(out, words, start, raw);
                if (c == '\n') {
                    line++;
                }
                start = line;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                raw.append(' ');
                i++;
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
            raw.append(c);
            i++;
        }
        if (word != null) {
            words.add(word.toString());
        }
        finish(out, words, start, raw);
        return out;
    }

    private static void finish(List<CommandLine> out, List<String> words, int line, StringBuilder raw) {
        if (!words.isEmpty() && words.get(0).equals("$")) {
            words.remove(0);
        }
        if (!words.isEmpty()) {
            out.add(new CommandLine(words, line, raw.toString().strip().replaceAll("\\s+", " ")
                    .replaceFirst("^\\$ ", "")));
        }
        words.clear();
        raw.setLength(0);
    }

    private static int count(String s) {
        int lines = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
