package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;

/** One policy considered, with the result of each of its statements in order. */
public record PolicyResult(PolicyRef policy, List<StatementResult> statements) {

    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        statements = List.copyOf(statements);
    }
}
