package org.iamlab.lessons.model;

import java.util.Map;
import java.util.Objects;

/** A request an exercise asks about: who, which action, on what, with which context values. */
public record Request(Ref principal, String action, Ref resource, Map<String, Object> context, Location at) {

    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Map.copyOf(context);
        Objects.requireNonNull(at, "at");
    }

    /** The action's service prefix, e.g. {@code s3}. */
    public String service() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code user('bob') s3:GetObject on arn:aws:s3:::logs/a} and the context, for feedback. */
    public String describe() {
        return principal.text() + " " + action + " on " + resource.text() + (context.isEmpty() ? "" : " with " + context);
    }
}
