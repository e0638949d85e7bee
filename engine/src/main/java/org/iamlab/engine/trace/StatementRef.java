package org.iamlab.engine.trace;

import java.util.Objects;

/** One statement of one policy: its position (0-based) and its Sid when it has one. */
public record StatementRef(PolicyRef policy, int index, String sid) {

    public StatementRef {
        Objects.requireNonNull(policy, "policy");
    }

    /** The Sid, or {@code #n} (1-based) for a statement without one. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "#" + (index + 1);
    }
}
