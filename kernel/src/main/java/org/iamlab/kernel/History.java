package org.iamlab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run in this kernel session, for Jupyter's history requests (tail, range and glob search). Kept in
 * memory: a restarted kernel starts a new, empty history, and earlier sessions are not kept.
 */
final class History implements HistoryManager {

    /** This session's number in history replies; requests may name it, or 0 for "the current session". */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    /** Records cell {@code number}; {@code output} is the text of its result, or null when it had none. */
    synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, cells.size() - Math.max(0, length));
        return entries(cells.subList(from, cells.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        int end = stop <= 0 ? Integer.MAX_VALUE : stop;
        return entries(cells.stream().filter(c -> c.number() >= start && c.number() < end).toList(), flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Cell> found = cells.stream().filter(c -> glob.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell c : found) {
                latest.remove(c.input());
                latest.put(c.input(), c);
            }
            found = List.copyOf(latest.values());
        }
        int from = length <= 0 ? 0 : Math.max(0, found.size() - length);
        return entries(found.subList(from, found.size()), flags);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream().map(c -> new HistoryEntry(SESSION, c.number(), c.input(),
                withOutput ? (c.output() == null ? "" : c.output()) : null)).toList();
    }

    /** An SQLite GLOB pattern ({@code *}, {@code ?}, {@code [a-z]}, {@code [^a-z]}) as a regular expression. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = pattern.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String body = pattern.substring(i + 1, close);
                        regex.append('[').append(body.startsWith("^") ? "^" + quoteClass(body.substring(1))
                                : quoteClass(body)).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String quoteClass(String body) {
        return body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
    }
}
