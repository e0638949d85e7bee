package org.iamlab.engine.authz;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.eval.Request;

/**
 * A request together with every policy that applies to it. {@code serviceControlPolicies} is {@code null}
 * when the principal's account is in no organization; otherwise it holds one entry per level, root first,
 * account last. {@code resourceControlPolicies} likewise for the resource's account.
 *
 * <p>Two facts decide whether those control policies restrict the request at all (AWS Organizations User
 * Guide, "Resource control policies" and "Service control policies"): {@code managementAccount}, the
 * organization's management account ({@code null} when not known), whose resources RCPs and whose users and
 * roles SCPs do not restrict; and {@code awsManagedKey}, true when the resource is an AWS managed KMS key,
 * which RCPs do not restrict.
 */
public record AuthorizationRequest(Request request, List<AttachedPolicy> identityPolicies,
                                   AttachedPolicy resourcePolicy, AttachedPolicy permissionsBoundary,
                                   AttachedPolicy sessionPolicy, List<OrganizationLevel> serviceControlPolicies,
                                   List<OrganizationLevel> resourceControlPolicies, String managementAccount,
                                   boolean awsManagedKey) {

    public AuthorizationRequest {
        Objects.requireNonNull(request, "request");
        identityPolicies = List.copyOf(identityPolicies);
        serviceControlPolicies = serviceControlPolicies == null ? null : List.copyOf(serviceControlPolicies);
        resourceControlPolicies = resourceControlPolicies == null ? null : List.copyOf(resourceControlPolicies);
    }

    /** A request whose organization's management account is not known and whose resource is no AWS managed key. */
    public AuthorizationRequest(Request request, List<AttachedPolicy> identityPolicies,
                                AttachedPolicy resourcePolicy, AttachedPolicy permissionsBoundary,
                                AttachedPolicy sessionPolicy, List<OrganizationLevel> serviceControlPolicies,
                                List<OrganizationLevel> resourceControlPolicies) {
        this(request, identityPolicies, resourcePolicy, permissionsBoundary, sessionPolicy, serviceControlPolicies,
                resourceControlPolicies, null, false);
    }
}
