package org.iamlab.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request: who, which action, on which resource, owned by which account, with which context values.
 * {@code resourceAccount} may be {@code null}: it is then read from the resource ARN, or, for ARNs without
 * an account (S3 buckets), taken to be the principal's.
 */
public record Request(Principal principal, String action, String resource, String resourceAccount,
                      Map<String, List<String>> context) {

    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        context.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        context = java.util.Collections.unmodifiableMap(copy);
    }

    /** A request without context values whose resource account is read from the ARN. */
    public static Request of(String principal, String action, String resource) {
        return new Request(Principal.parse(principal), action, resource, null, Map.of());
    }
}
