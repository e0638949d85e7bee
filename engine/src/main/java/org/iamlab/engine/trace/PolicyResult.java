package org.iamlab.engine.trace;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.policy.PolicyDocument;

/**
 * One policy considered: where it is attached, its document (so that views can show the policy itself beside
 * why each statement did or did not apply), and the result of each of its statements in order.
 */
public record PolicyResult(PolicyRef policy, PolicyDocument document, List<StatementResult> statements) {

    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(document, "document");
        statements = List.copyOf(statements);
    }
}
