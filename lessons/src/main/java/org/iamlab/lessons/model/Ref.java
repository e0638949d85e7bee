package org.iamlab.lessons.model;

import java.util.Objects;

/**
 * A principal or resource named in an exercise: either a DSL expression such as {@code user('bob')} or
 * {@code bucket('shop-logs')} (any text with a parenthesis), evaluated in the exercise's world, or plain text
 * (an ARN, an account ID, a service principal, {@code anonymous}).
 */
public record Ref(String text, Location at) {

    public Ref {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** True when the text is a DSL expression to evaluate, false when it is an ARN or name as written. */
    public boolean expression() {
        return text.indexOf('(') >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
