package org.iamlab.lessons.model;

import java.util.Objects;

/**
 * An action and a resource a learner's grant may allow, both with IAM wildcards ({@code *}, {@code ?}), for one
 * principal (its reference as the exercise writes it, e.g. {@code user('bob')}) or, when null, for any.
 */
public record Permit(String principal, String action, String resource) {

    public Permit {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
