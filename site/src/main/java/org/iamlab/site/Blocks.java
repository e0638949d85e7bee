package org.iamlab.site;

/**
 * AsciiDoc delimited blocks around content that may hold anything: the delimiter is made longer than any line of
 * the content that looks like it, so the content cannot end the block.
 */
final class Blocks {

    private Blocks() {
    }

    /** A source block, highlighted on the server as {@code language}. */
    static String source(String language, String code) {
        return "[source," + language + "]\n" + delimited('-', code);
    }

    /** A literal block (text as printed, no markup), with optional roles such as {@code .output.stdout}. */
    static String literal(String text, String roles) {
        return (roles.isEmpty() ? "" : "[" + roles + "]\n") + delimited('.', text);
    }

    /** A passthrough block: HTML put into the page as it is. */
    static String passthrough(String html) {
        return delimited('+', html);
    }

    private static String delimited(char c, String content) {
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        int longest = 3;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty() && line.chars().allMatch(ch -> ch == c)) {
                longest = Math.max(longest, line.length());
            }
        }
        String fence = String.valueOf(c).repeat(longest + 1);
        return fence + "\n" + body + "\n" + fence + "\n\n";
    }
}
