package org.iamlab.engine.policy;

import java.util.Objects;

/** A statement's Resource or, with {@code not}, NotResource: ARN patterns or {@code *}. */
public record ResourceElement(boolean not, StringList patterns) {

    public ResourceElement {
        Objects.requireNonNull(patterns, "patterns");
    }

    /** The element's name in policy JSON. */
    public String jsonName() {
        return not ? "NotResource" : "Resource";
    }
}
