package org.iamlab.engine.trace;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request as the trace shows it: who, what, on which resource, the two accounts involved
 * ({@code principalAccount} is {@code null} for service principals and anonymous callers), and the context
 * values the request carried, as an immutable map (the request's own, shared rather than copied: a trace is
 * made per decision).
 */
public record RequestSummary(String principal, String principalKind, String principalAccount, String action,
                             String resource, String resourceAccount, Map<String, List<String>> context) {

    public RequestSummary {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = java.util.Collections.unmodifiableMap(Objects.requireNonNull(context, "context"));
    }

    /** True when the principal and the resource belong to different accounts. */
    public boolean crossAccount() {
        return principalAccount != null && resourceAccount != null && !principalAccount.equals(resourceAccount);
    }
}
