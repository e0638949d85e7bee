package org.iamlab.engine.render;

import java.util.List;
import java.util.stream.Collectors;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.Trace;

/** The phrases every view shares: the headline reason and how policies and statements are named. */
public final class TraceWords {

    private TraceWords() {
    }

    /** The decision with its reason in words, e.g. {@code ExplicitlyDenied: statement NoDelete in ...}. */
    public static String headline(Trace trace) {
        return trace.decision().label() + ": " + reason(trace);
    }

    /** Why, in words. */
    public static String reason(Trace trace) {
        if (trace.decision() == Decision.EXPLICITLY_DENIED) {
            return statements(trace.reasons()) + (trace.reasons().size() == 1 ? " denies it" : " deny it");
        }
        if (trace.decision() == Decision.ALLOWED) {
            return "allowed by " + statements(trace.reasons());
        }
        return trace.step(trace.decidingStep()).explanation();
    }

    /** {@code statement S in identity-based policy P; ...} */
    public static String statements(List<StatementRef> refs) {
        return refs.stream().map(TraceWords::statement).collect(Collectors.joining("; "));
    }

    /** {@code statement S in identity-based policy P} */
    public static String statement(StatementRef ref) {
        return "statement " + ref.label() + " in " + policy(ref.policy());
    }

    /** {@code identity-based policy P}, with the organization level for control policies. */
    public static String policy(PolicyRef ref) {
        return ref.kind().description() + " " + ref.name() + (ref.level() == null ? "" : " at " + ref.level());
    }
}
