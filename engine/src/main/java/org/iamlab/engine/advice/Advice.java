package org.iamlab.engine.advice;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.trace.Decision;

/**
 * What would change the answer to one request whose decision is {@code decision}: for a denial, changes that
 * would allow it; for an allowed request, changes that would deny it. Every suggestion was verified by
 * re-evaluation; the list is empty when none was found.
 */
public record Advice(Decision decision, List<Suggestion> suggestions) {

    public Advice {
        Objects.requireNonNull(decision, "decision");
        suggestions = List.copyOf(suggestions);
    }
}
