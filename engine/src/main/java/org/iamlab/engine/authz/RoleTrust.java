package org.iamlab.engine.authz;

import java.util.Locale;
import java.util.Map;
import org.iamlab.engine.arn.Arn;

/**
 * Which requests a role's trust policy decides: the STS actions on a role ARN that the role's trust policy
 * must allow, even within the role's own account. That is {@code sts:AssumeRole} and its federated forms
 * (IAM User Guide, "Roles terms and concepts": the trust policy is the role's resource-based policy), and the
 * actions that ride along with an assumption: {@code sts:TagSession} ("Passing session tags in AWS STS": the
 * trust policy must allow it, or the role cannot be assumed with tags), {@code sts:SetSourceIdentity}
 * ("Monitor and control actions taken with assumed roles") and {@code sts:SetContext}.
 *
 * <p>The one place that knows this rule: the authorizer, the world's requests and questions, the advisor and
 * the scenario reader all ask here.
 */
public final class RoleTrust {

    /** Each action (in lower case) with what the trust policy must allow for it, in words. */
    private static final Map<String, String> ACTIONS = Map.of(
            "sts:assumerole", "the principal to assume it",
            "sts:assumerolewithwebidentity", "the identity provider's users to assume it",
            "sts:assumerolewithsaml", "the SAML provider's users to assume it",
            "sts:tagsession", "sts:TagSession to pass session tags",
            "sts:setsourceidentity", "sts:SetSourceIdentity to set a source identity",
            "sts:setcontext", "sts:SetContext to set session context");

    private RoleTrust() {
    }

    /** Whether {@code action} on {@code resource} is decided by the trust policy of the role {@code resource} names. */
    public static boolean needsTrustPolicy(String action, String resource) {
        return isTrustAction(action) && isRole(Arn.parse(resource).orElse(null));
    }

    /** Whether {@code action} on the parsed {@code resource} ({@code null} when not an ARN) needs the trust policy. */
    public static boolean needsTrustPolicy(String action, Arn resource) {
        return isTrustAction(action) && isRole(resource);
    }

    /**
     * The rule in words, for a request that {@link #needsTrustPolicy needs the trust policy}: what the trust
     * policy must allow, e.g. {@code a role's trust policy must allow sts:TagSession to pass session tags}.
     */
    public static String rule(String action) {
        String what = ACTIONS.get(action.toLowerCase(Locale.ROOT));
        return "a role's trust policy must allow " + (what == null ? action : what);
    }

    /**
     * Whether {@code action} comes with an assumption rather than being one ({@code sts:TagSession},
     * {@code sts:SetSourceIdentity}, {@code sts:SetContext}): a trust policy that lets a caller assume the role
     * does not by that allow these.
     */
    public static boolean isSessionOption(String action) {
        return isTrustAction(action) && !action.toLowerCase(Locale.ROOT).startsWith("sts:assumerole");
    }

    private static boolean isTrustAction(String action) {
        return ACTIONS.containsKey(action.toLowerCase(Locale.ROOT));
    }

    private static boolean isRole(Arn arn) {
        return arn != null && arn.service().equals("iam") && !arn.account().isEmpty()
                && arn.resource().startsWith("role/");
    }
}
