package org.iamlab.engine.trace;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request as the trace shows it: who, what, on which resource, the two accounts involved
 * ({@code principalAccount} is {@code null} for service principals and anonymous callers), and the context
 * values the request carried.
 */
public record RequestSummary(String principal, String principalKind, String principalAccount, String action,
                             String resource, String resourceAccount, Map<String, List<String>> context) {

    public RequestSummary {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Map.copyOf(context);
    }

    /** True when the principal and the resource belong to different accounts. */
    public boolean crossAccount() {
        return principalAccount != null && resourceAccount != null && !principalAccount.equals(resourceAccount);
    }
}
