package org.iamlab.engine.trace;

import java.util.Objects;
import org.iamlab.engine.parse.PolicyWarning;

/**
 * A warning about one of the policies a decision considered: AWS evaluates the policy as written (so the decision
 * stands), but the text most likely says something its author did not mean.
 */
public record PolicyFinding(PolicyRef policy, PolicyWarning warning) {

    public PolicyFinding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(warning, "warning");
    }

    /**
     * {@code identity-based policy `Read`: at Statement[0].Action: `s3:GetObjects` is not an action of s3; did
     * you mean `s3:GetObject`?} (by JSON path: the policy's text may have been written out by the DSL).
     */
    public String message() {
        String where = warning.path().isEmpty() ? "" : "at " + warning.path() + ": ";
        return policy.kind().description() + " `" + policy.name() + "`: " + where + warning.text();
    }
}
