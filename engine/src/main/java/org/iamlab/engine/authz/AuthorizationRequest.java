package org.iamlab.engine.authz;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.eval.Request;

/**
 * A request together with every policy that applies to it. {@code serviceControlPolicies} is {@code null}
 * when the principal's account is in no organization; otherwise it holds one entry per level, root first,
 * account last. {@code resourceControlPolicies} likewise for the resource's account.
 */
public record AuthorizationRequest(Request request, List<AttachedPolicy> identityPolicies,
                                   AttachedPolicy resourcePolicy, AttachedPolicy permissionsBoundary,
                                   AttachedPolicy sessionPolicy, List<OrganizationLevel> serviceControlPolicies,
                                   List<OrganizationLevel> resourceControlPolicies) {

    public AuthorizationRequest {
        Objects.requireNonNull(request, "request");
        identityPolicies = List.copyOf(identityPolicies);
        serviceControlPolicies = serviceControlPolicies == null ? null : List.copyOf(serviceControlPolicies);
        resourceControlPolicies = resourceControlPolicies == null ? null : List.copyOf(resourceControlPolicies);
    }
}
