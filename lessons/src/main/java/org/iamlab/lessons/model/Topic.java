package org.iamlab.lessons.model;

import java.util.ArrayList;
import java.util.List;

/** The topics exercises and exam questions are filed under (the exam guides' IAM areas). */
public enum Topic {
    USERS_AND_CREDENTIALS("users-and-credentials", "Users and credentials"),
    GROUPS("groups", "Groups"),
    POLICY_EVALUATION("policy-evaluation", "Policy anatomy and evaluation"),
    MANAGED_VS_INLINE("managed-vs-inline", "Managed and inline policies"),
    IDENTITY_VS_RESOURCE("identity-vs-resource", "Identity-based and resource-based policies"),
    ROLES_AND_STS("roles-and-sts", "Roles and STS"),
    SERVICE_ROLES("service-roles", "Roles for services"),
    CROSS_ACCOUNT("cross-account", "Cross-account access"),
    FEDERATION("federation", "Federation"),
    LEAST_PRIVILEGE("least-privilege", "Least privilege"),
    GUARDRAILS("guardrails", "Boundaries, SCPs and session policies"),
    CONDITIONS("conditions", "Conditions");

    private final String slug;
    private final String title;

    Topic(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** The name used in exercise files and on the command line, e.g. {@code cross-account}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The topic called {@code slug}, or {@code null}. */
    public static Topic ofSlug(String slug) {
        for (Topic t : values()) {
            if (t.slug.equals(slug)) {
                return t;
            }
        }
        return null;
    }

    /** Every slug, for suggestions. */
    public static List<String> slugs() {
        List<String> out = new ArrayList<>();
        for (Topic t : values()) {
            out.add(t.slug);
        }
        return out;
    }
}
