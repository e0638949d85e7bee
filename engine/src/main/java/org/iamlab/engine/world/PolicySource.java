package org.iamlab.engine.world;

import java.util.Objects;

/**
 * Where an identity-based policy of a request came from, as {@code simulate-principal-policy} reports it:
 * {@code refName} is the name the trace shows, {@code type} one of {@code user}, {@code group}, {@code role}
 * (inline policies), {@code aws-managed} or {@code user-managed}.
 */
public record PolicySource(String refName, String policyName, String type, PolicyText text) {

    public PolicySource {
        Objects.requireNonNull(refName, "refName");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
