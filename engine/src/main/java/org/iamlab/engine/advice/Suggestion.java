package org.iamlab.engine.advice;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.trace.Decision;

/**
 * Changes that together turn the request's decision into {@code outcome}, as re-evaluating the changed request
 * showed. {@code changes} are in the order a learner would make them (first what removes a deny, then what
 * adds the missing allows).
 */
public record Suggestion(List<Change> changes, Decision outcome) {

    public Suggestion {
        changes = List.copyOf(changes);
        Objects.requireNonNull(outcome, "outcome");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a suggestion changes something");
        }
    }
}
