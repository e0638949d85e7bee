package org.iamlab.lessons.model;

import org.iamlab.engine.trace.Decision;

/** What a check requires of its request's decision; the YAML key that introduces it. */
public enum Expectation {
    ALLOWED("allow", "allowed"),
    /** Either denial: most requirements only say "must not be allowed". */
    DENIED("deny", "denied"),
    EXPLICITLY_DENIED("explicitDeny", "explicitly denied"),
    IMPLICITLY_DENIED("implicitDeny", "implicitly denied");

    private final String key;
    private final String words;

    Expectation(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The key of a check in an exercise file. */
    public String key() {
        return key;
    }

    /** The expectation in words: {@code allowed}, {@code denied}, ... */
    public String words() {
        return words;
    }

    /** Whether {@code decision} meets it. */
    public boolean accepts(Decision decision) {
        return switch (this) {
            case ALLOWED -> decision == Decision.ALLOWED;
            case DENIED -> decision != Decision.ALLOWED;
            case EXPLICITLY_DENIED -> decision == Decision.EXPLICITLY_DENIED;
            case IMPLICITLY_DENIED -> decision == Decision.IMPLICITLY_DENIED;
        };
    }

    /** The expectation introduced by {@code key}, or {@code null}. */
    public static Expectation ofKey(String key) {
        for (Expectation e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }
}
