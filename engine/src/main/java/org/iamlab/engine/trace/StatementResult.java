package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.policy.Effect;

/**
 * Why one statement did or did not apply. {@code resource} and {@code principal} are {@code null} when the
 * statement has no such element. A statement applies when every element and every condition holds.
 */
public record StatementResult(StatementRef ref, Effect effect, boolean applies, ElementResult action,
                              ElementResult resource, ElementResult principal, List<ConditionResult> conditions) {

    public StatementResult {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
        conditions = List.copyOf(conditions);
    }
}
