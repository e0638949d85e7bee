package org.iamlab.engine.authz;

import java.util.Objects;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.trace.PolicyRef;

/** A compiled policy where it is attached: its kind, name and organization level. */
public record AttachedPolicy(PolicyRef ref, CompiledPolicy policy) {

    public AttachedPolicy {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(policy, "policy");
        if (ref.kind() != policy.kind()) {
            throw new IllegalArgumentException("a " + policy.kind().description() + " attached as a "
                    + ref.kind().description());
        }
    }
}
