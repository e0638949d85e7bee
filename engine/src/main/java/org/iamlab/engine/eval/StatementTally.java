package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.trace.StatementRef;

/**
 * What a set of policies said about one request: whether a Deny applied, the strongest Allow, and, when
 * explaining, which statements did each.
 */
public final class StatementTally {

    private final boolean explaining;
    private boolean denied;
    private Applicability strongestAllow = Applicability.NOT_APPLICABLE;
    private final List<StatementRef> denies;
    private final List<StatementRef> allows;

    public StatementTally(boolean explaining) {
        this.explaining = explaining;
        this.denies = explaining ? new ArrayList<>() : List.of();
        this.allows = explaining ? new ArrayList<>() : List.of();
    }

    void count(Effect effect, Applicability applicability, StatementRef ref) {
        if (effect == Effect.DENY) {
            denied = true;
            if (explaining) {
                denies.add(ref);
            }
        } else {
            strongestAllow = strongestAllow.strongest(applicability);
            if (explaining) {
                allows.add(ref);
            }
        }
    }

    /** True when some statement with {@code "Effect": "Deny"} applied. */
    public boolean denied() {
        return denied;
    }

    /** True when some Allow statement applied. */
    public boolean allowed() {
        return strongestAllow.applies();
    }

    /** The strongest way an applying Allow named the caller ({@link Applicability#APPLIES} without principals). */
    public Applicability strongestAllow() {
        return strongestAllow;
    }

    /** The Deny statements that applied (recorded only when explaining), as a read-only view. */
    public List<StatementRef> denies() {
        // without a trace the list is List.of(), already read-only: no view to allocate per decision
        return explaining ? Collections.unmodifiableList(denies) : denies;
    }

    /** The Allow statements that applied (recorded only when explaining), as a read-only view. */
    public List<StatementRef> allows() {
        return explaining ? Collections.unmodifiableList(allows) : allows;
    }
}
