package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;

/** One evaluation step: its verdict, why in words, and the statements that decided it. */
public record StepResult(Step step, Verdict verdict, String explanation, List<StatementRef> statements) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        statements = List.copyOf(statements);
    }
}
