package org.iamlab.engine.simulation;

import java.util.Objects;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.trace.Decision;

/**
 * One scenario of the simulation format: its {@code id} (a JSON string or number, as written; may be
 * {@code null}), the request with its policies, and, in test corpora, the expected decision and the rule it
 * pins down.
 */
public record Scenario(Object id, AuthorizationRequest request, Decision expect, String rule) {

    public Scenario {
        Objects.requireNonNull(request, "request");
    }
}
