package org.iamlab.engine.world;

import java.util.Objects;

/** A policy embedded in one user, group or role (IAM's "inline policy"). */
public record InlinePolicy(String name, PolicyText text) {

    public InlinePolicy {
        Names.iamName("policy", name, 128);
        Objects.requireNonNull(text, "text");
    }
}
