package org.iamlab.engine.world;

import java.util.Optional;

/**
 * Whether an AWS service may assume a role, as the role's trust policy decides: EC2 hands an instance its
 * profile role's credentials, and Lambda runs a function as its execution role, only when the role trusts the
 * service ("forgot the trust policy" is the classic mistake).
 */
final class ServiceTrust {

    private ServiceTrust() {
    }

    /** The trust policy's refusal of {@code service} assuming {@code role}, or empty when it may. */
    static Optional<Answer> refusal(Role role, String service) {
        Actor caller = new Actor.ServiceCaller(service, null, null);
        World world = role.account().world();
        if (world.decide(caller, "sts:AssumeRole", role.arn(), null) == org.iamlab.engine.trace.Decision.ALLOWED) {
            return Optional.empty();
        }
        return Optional.of(world.explain(caller, "sts:AssumeRole", role.arn(), null));
    }
}
