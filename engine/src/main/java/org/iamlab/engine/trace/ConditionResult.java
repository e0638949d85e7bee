package org.iamlab.engine.trace;

import java.util.List;

/**
 * One operator-key pair of a Condition block: the request's values ({@code null} when the key is missing),
 * the policy's values with variables filled in ({@code null} for one that could not be), and the outcome.
 */
public record ConditionResult(String operator, String key, List<String> requestValues, List<String> policyValues,
                              boolean holds) {

    public ConditionResult {
        requestValues = requestValues == null ? null : List.copyOf(requestValues);
        policyValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(policyValues));
    }

    /** True when the request does not carry the key. */
    public boolean keyMissing() {
        return requestValues == null;
    }
}
