package org.iamlab.dsl;

import java.util.Objects;

/**
 * A user or role a policy names before the block that defines it ({@code allow 'sts:AssumeRole' on
 * role('deployer')} above {@code role('deployer') { ... }}): its ARN, which is all a policy needs. The lab checks
 * that the script defines it by its end.
 */
public record ForwardReference(String kind, String name, String arn) {

    public ForwardReference {
        Objects.requireNonNull(arn, "arn");
    }

    @Override
    public String toString() {
        return arn;
    }
}
