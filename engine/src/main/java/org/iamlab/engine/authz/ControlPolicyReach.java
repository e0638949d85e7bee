package org.iamlab.engine.authz;

import java.util.List;
import java.util.Set;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.eval.PreparedRequest;
import org.iamlab.engine.eval.Principal;

/**
 * Which requests an organization's control policies restrict, and in words why not when they do not.
 *
 * <p>RCPs restrict requests to resources of member accounts by any principal, AWS service principals
 * included (the confused-deputy RCP depends on it), except (AWS Organizations User Guide, "Resource control
 * policies", "Resources and entities not restricted by RCPs"): resources in the management account, AWS
 * managed KMS keys, and actions taken by service-linked roles. SCPs restrict the IAM users and roles of member
 * accounts, except (AWS Organizations User Guide, "Service control policies") those of the management account
 * and service-linked roles. RCPs apply only to the actions of the services that support them (AWS Organizations
 * User Guide, "Resource control policies", "List of AWS services that support RCPs").
 */
final class ControlPolicyReach {

    /** The path IAM reserves for service-linked roles: {@code arn:aws:iam::ACCOUNT:role/aws-service-role/...}. */
    private static final String SERVICE_LINKED_ROLE = "role/aws-service-role/";

    /**
     * The service prefixes whose actions RCPs restrict: S3, STS, KMS, SQS and Secrets Manager since RCPs were
     * introduced (November 2024), Amazon ECR and OpenSearch Serverless since June 2025, Amazon Cognito user pools
     * and CloudWatch Logs since January 2026. An RCP that names any other service's actions has no effect.
     */
    static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss",
            "cognito-idp", "logs");

    private ControlPolicyReach() {
    }

    /** Why the resource's RCPs do not restrict {@code request}, or {@code null} when they do. */
    static String whyNoRcps(AuthorizationRequest in, PreparedRequest request) {
        if (in.managementAccount() != null && in.managementAccount().equals(request.resourceAccount())) {
            return "RCPs do not restrict resources in the organization's management account ("
                    + in.managementAccount() + ")";
        }
        if (in.resourceControlPolicies() == null) {
            return "no organization: the resource's account has no RCPs";
        }
        if (!RCP_SERVICES.contains(request.service())) {
            return "RCPs do not apply to `" + request.service() + "` actions: only S3, STS, KMS, SQS, Secrets"
                    + " Manager, ECR, OpenSearch Serverless, Cognito user pools and CloudWatch Logs support them";
        }
        if (in.awsManagedKey()) {
            return "RCPs do not restrict AWS managed KMS keys";
        }
        if (isServiceLinkedRole(request)) {
            return "RCPs do not restrict actions taken by service-linked roles";
        }
        return null;
    }

    /** Why the principal's SCPs do not restrict {@code request}, or {@code null} when they do. */
    static String whyNoScps(AuthorizationRequest in, PreparedRequest request) {
        Principal p = request.principal();
        if (in.managementAccount() != null && in.managementAccount().equals(p.account())) {
            return "SCPs do not restrict users or roles in the organization's management account ("
                    + in.managementAccount() + ")";
        }
        if (in.serviceControlPolicies() == null) {
            return "no organization: the principal's account has no SCPs";
        }
        if (!p.isIamIdentity()) {
            return "SCPs apply only to IAM principals of member accounts";
        }
        if (isServiceLinkedRole(request)) {
            return "SCPs do not restrict service-linked roles";
        }
        return null;
    }

    /**
     * Whether the caller is a service-linked role or one of its sessions, known by the role's path in
     * {@code aws:PrincipalArn} (a session's own ARN does not show the path, so a session of a service-linked role
     * is recognised when the request carries the role's ARN in {@code aws:PrincipalArn}, as AWS does).
     */
    private static boolean isServiceLinkedRole(PreparedRequest request) {
        Principal p = request.principal();
        if (!(p instanceof Principal.Role || p instanceof Principal.RoleSession)) {
            return false;
        }
        List<String> arns = request.values("aws:principalarn");
        // the contains() spares parsing the ARN of every ordinary role on the evaluator's hot path
        return arns != null && arns.size() == 1 && arns.get(0).contains(SERVICE_LINKED_ROLE) && Arn.parse(arns.get(0))
                .filter(a -> a.service().equals("iam") && a.resource().startsWith(SERVICE_LINKED_ROLE))
                .isPresent();
    }
}
