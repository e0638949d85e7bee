package org.iamlab.engine.trace;

import java.util.Objects;
import org.iamlab.engine.policy.PolicyKind;

/**
 * Which policy: its kind, its name, and for service and resource control policies the organization level
 * (root, OU, account) it is attached to ({@code null} otherwise).
 */
public record PolicyRef(PolicyKind kind, String name, String level) {

    public PolicyRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** A policy that is not attached to an organization level. */
    public static PolicyRef of(PolicyKind kind, String name) {
        return new PolicyRef(kind, name, null);
    }
}
