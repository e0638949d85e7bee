package org.iamlab.engine.advice;

import java.util.List;
import java.util.Objects;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.StatementRef;

/** One edit to a request or to the policies that apply to it. */
public sealed interface Change {

    /** Remove one statement from the policy it belongs to. */
    record RemoveStatement(StatementRef statement) implements Change {
        public RemoveStatement {
            Objects.requireNonNull(statement, "statement");
        }
    }

    /**
     * Add {@code statement} to {@code policy}, which exists already, or, when {@code newPolicy}, is created
     * (attached where its kind and organization level say).
     */
    record AddStatement(PolicyRef policy, boolean newPolicy, Statement statement) implements Change {
        public AddStatement {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(statement, "statement");
        }
    }

    /**
     * Send the context key {@code key} with {@code values}, or, when {@code values} is {@code null}, without it.
     * Key names are case-insensitive: the change replaces the key however the request spelled it.
     */
    record SetContext(String key, List<String> values) implements Change {
        public SetContext {
            Objects.requireNonNull(key, "key");
            values = values == null ? null : List.copyOf(values);
        }

        /** True when the change removes the key from the request. */
        public boolean removesKey() {
            return values == null;
        }
    }
}
