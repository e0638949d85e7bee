package org.iamlab.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/** The keys of a Principal element's object form. */
public enum PrincipalType {
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String json;

    PrincipalType(String json) {
        this.json = json;
    }

    /** The spelling used in policy JSON. */
    public String json() {
        return json;
    }

    /** The type spelled {@code json}, exactly. */
    public static Optional<PrincipalType> fromJson(String json) {
        return Arrays.stream(values()).filter(t -> t.json.equals(json)).findFirst();
    }
}
