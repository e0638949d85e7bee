package org.iamlab.engine.policy;

import java.util.Objects;

/** A statement's Action or, with {@code not}, NotAction: {@code service:Name} patterns or {@code *}. */
public record ActionElement(boolean not, StringList patterns) {

    public ActionElement {
        Objects.requireNonNull(patterns, "patterns");
    }

    /** The element's name in policy JSON. */
    public String jsonName() {
        return not ? "NotAction" : "Action";
    }
}
