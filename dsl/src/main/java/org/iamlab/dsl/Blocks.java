package org.iamlab.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocks of a script's text, read from its braces (strings and comments skipped): which command's block a
 * position is in, for completion, and which {@code {} was most likely left open, for the syntax error.
 */
public final class Blocks {

    /** The command a block belongs to: the last word before its brace, with or without arguments. */
    private static final Pattern COMMAND = Pattern.compile("(\\w+)\\s*(?:\\(.*\\))?[^(){}]*$");

    /** The delegate each block command runs its block with. */
    private static final Map<String, List<Class<?>>> SPECS = Map.ofEntries(
            Map.entry("account", List.of(Specs.AccountSpec.class)),
            Map.entry("user", List.of(Specs.UserSpec.class)),
            Map.entry("group", List.of(Specs.GroupSpec.class)),
            Map.entry("role", List.of(Specs.RoleSpec.class)),
            Map.entry("organization", List.of(Specs.OrgSpec.class)),
            Map.entry("ou", List.of(Specs.OrgSpec.class)),
            Map.entry("bucket", List.of(Specs.ResourceSpec.class)),
            Map.entry("queue", List.of(Specs.ResourceSpec.class)),
            Map.entry("topic", List.of(Specs.ResourceSpec.class)),
            Map.entry("function", List.of(Specs.ResourceSpec.class)),
            Map.entry("key", List.of(Specs.ResourceSpec.class)),
            Map.entry("api", List.of(Specs.ResourceSpec.class)),
            Map.entry("secret", List.of(Specs.ResourceSpec.class)),
            Map.entry("table", List.of(Specs.ResourceSpec.class)),
            Map.entry("inline", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)),
            Map.entry("policy", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)),
            Map.entry("trust", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)),
            Map.entry("document", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)),
            Map.entry("scp", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)),
            Map.entry("rcp", List.of(PolicySpec.class, PolicySpec.StatementSpec.class)));

    /** An opening brace still open: its line (1-based), the indentation of that line, and its command. */
    record Open(int line, int indent, String command) {
    }

    /** What reading the braces found: the blocks still open at the end, and the likeliest unclosed one. */
    record Reading(List<Open> open, Open suspect) {
    }

    private Blocks() {
    }

    /**
     * The commands that make sense at {@code at} in {@code code}: inside a block of a known command, that block's
     * commands; elsewhere, empty (the caller offers the top level's).
     */
    public static Optional<Set<String>> commandsAt(String code, int at) {
        List<Open> open = read(code.substring(0, Math.min(at, code.length()))).open();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<Class<?>> specs = SPECS.get(open.get(open.size() - 1).command());
        if (specs == null) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        for (Class<?> spec : specs) {
            for (Method m : spec.getMethods()) {
                if (m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()
                        && !m.getName().startsWith("get") && !m.getName().equals("toString")) {
                    names.add(m.getName());
                }
            }
        }
        return Optional.of(names);
    }

    /**
     * The block of {@code script} most likely left without its {@code }}, or empty when every brace is closed.
     * As compilers guess it: a closing brace indented less than the line that opened the block it closes belongs
     * to an outer block, so the inner one is the unclosed one; failing that, the innermost block still open.
     */
    static Optional<Open> unclosed(String script) {
        Reading r = read(script);
        if (r.open().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(r.suspect() != null ? r.suspect() : r.open().get(r.open().size() - 1));
    }

    /** Reads the braces of {@code code}, skipping strings and comments. */
    static Reading read(String code) {
        Deque<Open> stack = new ArrayDeque<>();
        Open suspect = null;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (code.startsWith("//", i)) {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(code, i, end);
                lineStart = Math.max(lineStart, code.lastIndexOf('\n', end - 1) + 1);
                i = end;
            } else if (c == '\'' || c == '"') {
                String quote = code.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int end = i + quote.length();
                while (end < n && !code.startsWith(quote, end) && (quote.length() == 3 || code.charAt(end) != '\n')) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + quote.length());
                line += count(code, i, end);
                lineStart = Math.max(lineStart, code.lastIndexOf('\n', end - 1) + 1);
                i = end;
            } else if (c == '{') {
                Matcher m = COMMAND.matcher(code.substring(lineStart, i));
                stack.push(new Open(line, indent(code, lineStart), m.find() ? m.group(1) : ""));
                i++;
            } else if (c == '}') {
                Open closed = stack.poll();
                boolean firstOnLine = code.substring(lineStart, i).isBlank();
                if (closed != null && firstOnLine && suspect == null && indent(code, lineStart) < closed.indent()) {
                    suspect = closed;
                }
                i++;
            } else {
                i++;
            }
        }
        List<Open> open = new java.util.ArrayList<>(stack);
        java.util.Collections.reverse(open);
        return new Reading(List.copyOf(open), suspect);
    }

    private static int count(String code, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (code.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int indent(String code, int lineStart) {
        int width = 0;
        for (int k = lineStart; k < code.length() && (code.charAt(k) == ' ' || code.charAt(k) == '\t'); k++) {
            width += code.charAt(k) == '\t' ? 4 : 1;
        }
        return width;
    }
}
