package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;

/**
 * The full explanation of one decision: the request, the decision with the step and statements that made
 * it, every step in AWS's order, every policy considered with each statement's result, and the warnings about
 * those policies (what AWS evaluates as written but Access Analyzer would flag).
 */
public record Trace(RequestSummary request, Decision decision, Step decidingStep, List<StatementRef> reasons,
                    List<StepResult> steps, List<PolicyResult> policies, List<PolicyFinding> warnings) {

    public Trace {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        steps = List.copyOf(steps);
        policies = List.copyOf(policies);
        warnings = List.copyOf(warnings);
    }

    /** The result of {@code step}. */
    public StepResult step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
