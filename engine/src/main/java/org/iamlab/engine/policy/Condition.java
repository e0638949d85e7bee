package org.iamlab.engine.policy;

import java.util.Objects;

/**
 * One operator-key pair of a Condition block, e.g. {@code "StringEquals": {"aws:username": ["alice"]}}.
 * {@code operatorText} is the operator as written; values are kept as strings (IAM compares numbers and
 * booleans in their string form).
 */
public record Condition(String operatorText, QualifiedOperator operator, String key, StringList values) {

    public Condition {
        Objects.requireNonNull(operatorText, "operatorText");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
    }
}
