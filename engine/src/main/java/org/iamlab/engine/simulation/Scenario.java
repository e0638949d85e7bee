package org.iamlab.engine.simulation;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.trace.Decision;

/**
 * One scenario of the simulation format: its {@code id} (a JSON string or number, as written; may be
 * {@code null}), the request with its policies, in test corpora the expected decision and the rule it pins
 * down, and the warnings its input earned (located in the input: what AWS accepts but flags).
 */
public record Scenario(Object id, AuthorizationRequest request, Decision expect, String rule,
                       List<PolicyWarning> warnings) {

    public Scenario {
        Objects.requireNonNull(request, "request");
        warnings = List.copyOf(warnings);
    }
}
