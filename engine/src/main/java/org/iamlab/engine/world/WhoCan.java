package org.iamlab.engine.world;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.trace.Decision;

/**
 * Who in the world may perform {@code action} on {@code resource}: every user and role of every account, and
 * the services and anonymous callers the resource's policy could let in, each with its decision.
 */
public record WhoCan(String action, String resource, List<Entry> entries) {

    /** One principal and its decision. {@code kind} is {@code user}, {@code role}, {@code service} or {@code anonymous}. */
    public record Entry(String principal, String kind, Decision decision) {
        public Entry {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(decision, "decision");
        }
    }

    public WhoCan {
        entries = List.copyOf(entries);
    }

    /** The principals that are allowed. */
    public List<String> allowed() {
        return entries.stream().filter(e -> e.decision() == Decision.ALLOWED).map(Entry::principal).toList();
    }

    /** How many principals were asked about. */
    public int asked() {
        return entries.size();
    }

    @Override
    public String toString() {
        List<Entry> yes = entries.stream().filter(e -> e.decision() == Decision.ALLOWED).toList();
        long explicit = entries.stream().filter(e -> e.decision() == Decision.EXPLICITLY_DENIED).count();
        StringBuilder out = new StringBuilder();
        out.append("who can ").append(action).append(" on ").append(resource).append(": ")
                .append(yes.size()).append(" of ").append(entries.size()).append(" principals\n");
        for (Entry e : yes) {
            out.append("  ").append(String.format("%-9s", e.kind())).append(' ').append(e.principal()).append('\n');
        }
        out.append("  (").append(explicit).append(" explicitly denied, ")
                .append(entries.size() - yes.size() - explicit).append(" implicitly denied)\n");
        return out.toString();
    }
}
