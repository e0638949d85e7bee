package org.iamlab.engine.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string that may contain policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'none'}}) and the escapes {@code ${*}}, {@code ${?}} and {@code ${$}}. Variables are recognised only in
 * policies with {@code "Version": "2012-10-17"}; in older policies the text is literal.
 *
 * <p>A variable's value and an escaped character are always matched literally: they never act as wildcards.
 * A variable that the request cannot fill and that has no default leaves the template unresolved, and an
 * unresolved template matches nothing (IAM User Guide, "Policy variables": "if the key is not present, the
 * condition ... does not match").
 */
public final class Template {

    /** One piece of a template. */
    public sealed interface Part permits Text, Variable, Escaped {}

    /** Literal policy text, in which {@code *} and {@code ?} are wildcards when used as a pattern. */
    public record Text(String text) implements Part {}

    /** A policy variable, with the default used when the request has no value. */
    public record Variable(String key, String lowerCaseKey, String defaultValue) implements Part {}

    /** An escaped character: {@code ${*}}, {@code ${?}} or {@code ${$}}. */
    public record Escaped(char character) implements Part {}

    private final String raw;
    /** The parts, or null for literal text (most policy strings), whose one part is made when asked for. */
    private final List<Part> parts;
    private final boolean hasVariables;

    private Template(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = List.copyOf(parts);
        this.hasVariables = parts.stream().anyMatch(p -> !(p instanceof Text));
    }

    /** Literal text (most policy strings), without the general constructor's copying and scanning. */
    private Template(String raw) {
        this.raw = raw;
        this.parts = null;
        this.hasVariables = false;
    }

    /** Parses {@code raw}; with {@code variablesEnabled} false the whole string is literal text. */
    public static Template parse(String raw, boolean variablesEnabled) {
        if (!variablesEnabled || !raw.contains("${")) {
            return new Template(raw);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("${", i);
            int close = open < 0 ? -1 : raw.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                text.append(raw, i, raw.length());
                break;
            }
            text.append(raw, i, open);
            Part part = parsePart(raw.substring(open + 2, close));
            if (part == null) {
                text.append(raw, open, close + 1);
            } else {
                if (text.length() > 0) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(part);
            }
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new Template(raw, parts);
    }

    private static Part parsePart(String inside) {
        String body = inside.strip();
        if (body.length() == 1 && "*?$".indexOf(body.charAt(0)) >= 0) {
            return new Escaped(body.charAt(0));
        }
        String key = body;
        String defaultValue = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).strip();
            String rest = body.substring(comma + 1).strip();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                return null;
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return new Variable(key, key.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** The string as written in the policy. */
    public String raw() {
        return raw;
    }

    /** The parts, in order. */
    public List<Part> parts() {
        return parts != null ? parts : List.of(new Text(raw));
    }

    /** True when the template contains a variable or an escape and so must be resolved per request. */
    public boolean hasVariables() {
        return hasVariables;
    }

    /** The text with variables filled in, or {@code null} when a variable has no value and no default. */
    public String resolveText(VariableSource source) {
        if (!hasVariables) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Escaped e) {
                out.append(e.character());
            } else if (part instanceof Variable v) {
                String value = valueOf(v, source);
                if (value == null) {
                    return null;
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    /**
     * The wildcard pattern with variables filled in (their values literal), or {@code null} when a variable
     * has no value and no default.
     */
    public Wildcard resolvePattern(VariableSource source, boolean ignoreCase) {
        if (!hasVariables) {
            return Wildcard.compile(raw, ignoreCase);
        }
        StringBuilder chars = new StringBuilder(raw.length() + 16);
        boolean[] wild = new boolean[raw.length() + 16];
        for (Part part : parts) {
            if (part instanceof Text t) {
                String text = t.text();
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    wild = mark(wild, chars.length(), c == '*' || c == '?');
                    chars.append(c);
                }
            } else if (part instanceof Escaped e) {
                wild = mark(wild, chars.length(), false);
                chars.append(e.character());
            } else if (part instanceof Variable v) {
                String value = valueOf(v, source);
                if (value == null) {
                    return null;
                }
                wild = mark(wild, chars.length() + value.length(), false);
                chars.append(value);
            }
        }
        char[] text = new char[chars.length()];
        chars.getChars(0, text.length, text, 0);
        return Wildcard.of(raw, text, java.util.Arrays.copyOf(wild, text.length), ignoreCase);
    }

    /** Sets {@code wild[index]} (growing the array when needed); positions left unset stay literal. */
    private static boolean[] mark(boolean[] wild, int index, boolean isWildcard) {
        boolean[] w = index < wild.length ? wild : java.util.Arrays.copyOf(wild, Math.max(index + 1, wild.length * 2));
        if (index < w.length && isWildcard) {
            w[index] = true;
        }
        return w;
    }

    private static String valueOf(Variable variable, VariableSource source) {
        String value = source.variableValue(variable.lowerCaseKey());
        return value != null ? value : variable.defaultValue();
    }

    @Override
    public String toString() {
        return raw;
    }
}
