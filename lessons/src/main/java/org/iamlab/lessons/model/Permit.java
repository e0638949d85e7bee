package org.iamlab.lessons.model;

import java.util.Objects;

/** An action and a resource a learner's grant may allow; both may hold IAM wildcards ({@code *}, {@code ?}). */
public record Permit(String action, String resource) {

    public Permit {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
