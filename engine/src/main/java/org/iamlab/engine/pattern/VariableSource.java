package org.iamlab.engine.pattern;

/** Supplies the value of a policy variable such as {@code ${aws:username}}. */
@FunctionalInterface
public interface VariableSource {

    /**
     * The single value of the context key {@code lowerCaseKey}, or {@code null} when the request has none
     * (a missing or multivalued key cannot fill a variable).
     */
    String variableValue(String lowerCaseKey);

    /** A source that resolves nothing. */
    VariableSource NONE = key -> null;
}
