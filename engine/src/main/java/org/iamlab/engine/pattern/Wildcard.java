package org.iamlab.engine.pattern;

import java.util.Arrays;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none), {@code ?}
 * exactly one. Which characters are wildcards is explicit, so that a policy variable's value or an escaped
 * {@code ${*}} is matched literally.
 *
 * <p>Common shapes (a literal, {@code prefix*}, {@code *}) take a fast path; everything else runs the
 * linear-time greedy matcher with single-star backtracking.
 */
public final class Wildcard {

    private enum Shape { ANY, EXACT, PREFIX, GENERAL }

    private final String text;
    private final char[] chars;
    private final boolean[] wild;
    private final Shape shape;
    private final String literal;

    /** A pattern of one of the fast shapes, which needs no characters or wildcard marks of its own. */
    private Wildcard(String text, Shape shape, String literal) {
        this.text = text;
        this.chars = null;
        this.wild = null;
        this.shape = shape;
        this.literal = literal;
    }

    private Wildcard(String text, char[] chars, boolean[] wild) {
        this.text = text;
        this.chars = chars;
        this.wild = wild;
        this.shape = shapeOf(chars, wild);
        this.literal = switch (shape) {
            case EXACT -> new String(chars);
            case PREFIX -> new String(chars, 0, chars.length - 1);
            default -> null;
        };
    }

    /** Compiles {@code pattern}, where every {@code *} and {@code ?} is a wildcard. */
    public static Wildcard compile(String pattern, boolean ignoreCase) {
        String text = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        int wildcards = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                wildcards++;
            }
        }
        // Most patterns are literal, a prefix or *: those are compiled without arrays.
        if (wildcards == 0) {
            return new Wildcard(pattern, Shape.EXACT, text);
        }
        if (text.equals("*")) {
            return new Wildcard(pattern, Shape.ANY, null);
        }
        if (wildcards == 1 && text.charAt(text.length() - 1) == '*') {
            return new Wildcard(pattern, Shape.PREFIX, text.substring(0, text.length() - 1));
        }
        char[] chars = text.toCharArray();
        boolean[] wild = new boolean[chars.length];
        for (int i = 0; i < chars.length; i++) {
            wild[i] = chars[i] == '*' || chars[i] == '?';
        }
        return new Wildcard(pattern, chars, wild);
    }

    /** Compiles a pattern whose wildcard positions were decided by the caller (see {@link Template}). */
    static Wildcard of(String displayText, char[] chars, boolean[] wild, boolean ignoreCase) {
        char[] copy = Arrays.copyOf(chars, chars.length);
        if (ignoreCase) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = Character.toLowerCase(copy[i]);
            }
        }
        return new Wildcard(displayText, copy, Arrays.copyOf(wild, wild.length));
    }

    /** A pattern that matches {@code value} literally, wildcard characters included. */
    public static Wildcard literal(String value, boolean ignoreCase) {
        return of(value, value.toCharArray(), new boolean[value.length()], ignoreCase);
    }

    private static Shape shapeOf(char[] chars, boolean[] wild) {
        int wildcards = 0;
        for (boolean w : wild) {
            if (w) {
                wildcards++;
            }
        }
        if (wildcards == 0) {
            return Shape.EXACT;
        }
        if (chars.length == 1 && chars[0] == '*') {
            return Shape.ANY;
        }
        int last = chars.length - 1;
        if (wildcards == 1 && wild[last] && chars[last] == '*') {
            return Shape.PREFIX;
        }
        return Shape.GENERAL;
    }

    /** The pattern as written in the policy. */
    public String text() {
        return text;
    }

    /** True when the pattern contains no wildcard, so it matches exactly one string. */
    public boolean isLiteral() {
        return shape == Shape.EXACT;
    }

    /** True for the pattern {@code *}. */
    public boolean matchesEverything() {
        return shape == Shape.ANY;
    }

    /**
     * Whether {@code input} matches. For a case-insensitive pattern the caller passes input already in lower
     * case (the evaluator lowers an action name once per request, not once per pattern).
     */
    public boolean matches(String input) {
        // Compared by reference rather than switched on: this is the evaluator's innermost call.
        if (shape == Shape.EXACT) {
            return literal.equals(input);
        }
        if (shape == Shape.PREFIX) {
            return input.startsWith(literal);
        }
        return shape == Shape.ANY || matchesGeneral(input);
    }

    private boolean matchesGeneral(String input) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        int m = chars.length;
        int n = input.length();
        while (s < n) {
            if (p < m && (wild[p] ? chars[p] == '?' : chars[p] == input.charAt(s))) {
                p++;
                s++;
            } else if (p < m && wild[p] && chars[p] == '*') {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < m && wild[p] && chars[p] == '*') {
            p++;
        }
        return p == m;
    }

    @Override
    public String toString() {
        return text;
    }
}
