package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.policy.Effect;

/**
 * Why one statement did or did not apply. A statement applies when every element and every condition holds.
 * When the action does not match, nothing else is evaluated ({@code stoppedAtAction}): the statement is about
 * other actions. Otherwise {@code resource} and {@code principal} are {@code null} only when the statement has
 * no such element.
 */
public record StatementResult(StatementRef ref, Effect effect, boolean applies, boolean stoppedAtAction,
                              ElementResult action, ElementResult resource, ElementResult principal,
                              List<ConditionResult> conditions) {

    public StatementResult {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
        conditions = List.copyOf(conditions);
    }

    /** A statement about other actions: only its Action (or NotAction) was evaluated. */
    public static StatementResult actionMismatch(StatementRef ref, Effect effect, ElementResult action) {
        return new StatementResult(ref, effect, false, true, action, null, null, List.of());
    }
}
