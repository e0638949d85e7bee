package org.iamlab.engine.world;

import java.util.Map;
import org.iamlab.engine.trace.Decision;

/**
 * {@code iam:PassRole}: giving a service a role to act as (an instance profile's role to EC2, an execution role
 * to Lambda) needs the caller's permission to pass that role, with {@code iam:PassedToService} naming the service
 * (IAM User Guide, "Grant a user permissions to pass a role to an AWS service"). An account's root user may pass
 * any role of its account.
 */
public final class PassRole {

    private PassRole() {
    }

    /**
     * Refuses, as the service does, when {@code caller} may not pass {@code role} to {@code servicePrincipal}
     * ({@code ec2.amazonaws.com} or {@code lambda.amazonaws.com}).
     */
    public static void check(Actor caller, Role role, String servicePrincipal) {
        if (caller instanceof Actor.RootUser) {
            return;
        }
        World world = role.account().world();
        Answer answer = world.explain(caller, "iam:PassRole", role.arn(),
                Map.of("iam:PassedToService", servicePrincipal));
        if (answer.decision() == Decision.ALLOWED) {
            return;
        }
        String why = answer.decision() == Decision.EXPLICITLY_DENIED ? " with an explicit deny in a policy"
                : " because no identity-based policy allows the iam:PassRole action";
        String denial = "User: " + caller.principal() + " is not authorized to perform: iam:PassRole on resource: "
                + role.arn() + why;
        boolean ec2 = servicePrincipal.startsWith("ec2.");
        throw new WorldException(ec2 ? "UnauthorizedOperation" : "AccessDeniedException",
                "`" + caller.principal() + "` may not pass role `" + role.name() + "` to " + servicePrincipal
                        + ": iam:PassRole on it is " + (answer.decision() == Decision.EXPLICITLY_DENIED
                        ? "explicitly denied" : "not allowed"),
                ec2 ? "You are not authorized to perform this operation. " + denial : denial,
                "allow iam:PassRole on `" + role.arn() + "`, e.g. with the condition StringEquals"
                        + " iam:PassedToService `" + servicePrincipal + "`", answer);
    }
}
