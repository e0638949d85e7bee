package org.iamlab.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * A policy document. {@code version} is {@code null} when the policy omits it (IAM then applies
 * 2008-10-17, without policy variables); {@code statementWrittenAsObject} remembers a lone statement written
 * without an array.
 */
public record PolicyDocument(String version, String id, List<Statement> statements,
                             boolean statementWrittenAsObject) {

    /** The policy language version that supports policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The original policy language version, without policy variables. */
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
        if (statementWrittenAsObject && statements.size() != 1) {
            throw new IllegalArgumentException("a statement written as an object is exactly one statement");
        }
    }

    /** True when policy variables are resolved: only with Version 2012-10-17. */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }

    /** The statements, in order. */
    public List<Statement> statements() {
        return statements;
    }

    /** A document with just {@code statements}, Version 2012-10-17. */
    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(VERSION_2012, null, Objects.requireNonNull(statements), false);
    }
}
