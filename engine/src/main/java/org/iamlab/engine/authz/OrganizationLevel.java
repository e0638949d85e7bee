package org.iamlab.engine.authz;

import java.util.List;
import java.util.Objects;

/** One level of an organization's path to an account (root, an OU, the account) with its control policies. */
public record OrganizationLevel(String name, List<AttachedPolicy> policies) {

    public OrganizationLevel {
        Objects.requireNonNull(name, "name");
        policies = List.copyOf(policies);
    }
}
