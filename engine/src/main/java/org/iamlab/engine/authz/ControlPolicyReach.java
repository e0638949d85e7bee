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

    /** Why the resource's RCPs do not restrict a request: decided on every evaluation, worded only for a trace. */
    enum RcpExemption {
        MANAGEMENT_ACCOUNT, NO_ORGANIZATION, OTHER_SERVICE, AWS_MANAGED_KEY, SERVICE_LINKED_ROLE;

        String why(AuthorizationRequest in, PreparedRequest request) {
            return switch (this) {
                case MANAGEMENT_ACCOUNT -> "RCPs do not restrict resources in the organization's management account ("
                        + in.managementAccount() + ")";
                case NO_ORGANIZATION -> "no organization: the resource's account has no RCPs";
                case OTHER_SERVICE -> "RCPs do not apply to `" + request.service() + "` actions: only S3, STS, KMS,"
                        + " SQS, Secrets Manager, ECR, OpenSearch Serverless, Cognito user pools and CloudWatch Logs"
                        + " support them";
                case AWS_MANAGED_KEY -> "RCPs do not restrict AWS managed KMS keys";
                case SERVICE_LINKED_ROLE -> "RCPs do not restrict actions taken by service-linked roles";
            };
        }
    }

    /** Why the principal's SCPs do not restrict a request; worded only for a trace. */
    enum ScpExemption {
        MANAGEMENT_ACCOUNT, NO_ORGANIZATION, NOT_AN_IAM_PRINCIPAL, SERVICE_LINKED_ROLE;

        String why(AuthorizationRequest in) {
            return switch (this) {
                case MANAGEMENT_ACCOUNT -> "SCPs do not restrict users or roles in the organization's management"
                        + " account (" + in.managementAccount() + ")";
                case NO_ORGANIZATION -> "no organization: the principal's account has no SCPs";
                case NOT_AN_IAM_PRINCIPAL -> "SCPs apply only to IAM principals of member accounts";
                case SERVICE_LINKED_ROLE -> "SCPs do not restrict service-linked roles";
            };
        }
    }

    /** Why the resource's RCPs do not restrict {@code request}, or {@code null} when they do. */
    static RcpExemption rcpExemption(AuthorizationRequest in, PreparedRequest request) {
        if (in.managementAccount() != null && in.managementAccount().equals(request.resourceAccount())) {
            return RcpExemption.MANAGEMENT_ACCOUNT;
        }
        if (in.resourceControlPolicies() == null) {
            return RcpExemption.NO_ORGANIZATION;
        }
        if (!RCP_SERVICES.contains(request.service())) {
            return RcpExemption.OTHER_SERVICE;
        }
        if (in.awsManagedKey()) {
            return RcpExemption.AWS_MANAGED_KEY;
        }
        if (isServiceLinkedRole(request)) {
            return RcpExemption.SERVICE_LINKED_ROLE;
        }
        return null;
    }

    /** Why the principal's SCPs do not restrict {@code request}, or {@code null} when they do. */
    static ScpExemption scpExemption(AuthorizationRequest in, PreparedRequest request) {
        Principal p = request.principal();
        if (in.managementAccount() != null && in.managementAccount().equals(p.account())) {
            return ScpExemption.MANAGEMENT_ACCOUNT;
        }
        if (in.serviceControlPolicies() == null) {
            return ScpExemption.NO_ORGANIZATION;
        }
        if (!p.isIamIdentity()) {
            return ScpExemption.NOT_AN_IAM_PRINCIPAL;
        }
        if (isServiceLinkedRole(request)) {
            return ScpExemption.SERVICE_LINKED_ROLE;
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
