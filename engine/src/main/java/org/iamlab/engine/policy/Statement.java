package org.iamlab.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement. {@code resource} is {@code null} when neither Resource nor NotResource is written (allowed
 * in trust and control policies), {@code principal} when neither Principal nor NotPrincipal is.
 */
public record Statement(String sid, Effect effect, ActionElement action, ResourceElement resource,
                        PrincipalElement principal, List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
        conditions = List.copyOf(conditions);
    }
}
