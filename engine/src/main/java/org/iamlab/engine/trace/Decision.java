package org.iamlab.engine.trace;

/** The outcome of a request. */
public enum Decision {
    /** Some policy allowed the request and nothing denied it. */
    ALLOWED("Allowed"),
    /** A statement with {@code "Effect": "Deny"} matched. */
    EXPLICITLY_DENIED("ExplicitlyDenied"),
    /** Nothing denied it, but a required allow is missing (the default). */
    IMPLICITLY_DENIED("ImplicitlyDenied");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The name used in output and in the simulation format: {@code Allowed}, {@code ExplicitlyDenied}, ... */
    public String label() {
        return label;
    }

    /** The decision labelled {@code label}, or {@code null}. */
    public static Decision fromLabel(String label) {
        for (Decision d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        return null;
    }
}
