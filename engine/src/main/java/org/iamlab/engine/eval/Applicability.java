package org.iamlab.engine.eval;

/**
 * Whether a statement applies to a request and, for statements of policies that name principals, how it
 * names the caller, which decides what else must allow the request (IAM User Guide, "Policy evaluation
 * logic": resource-based policies).
 */
public enum Applicability {
    /** The statement does not apply. */
    NOT_APPLICABLE,
    /** The statement applies; its policy names no principals (identity-based, boundary, session, SCP). */
    APPLIES,
    /** The statement names the caller's account: the account's identity-based policies must also allow. */
    NAMES_ACCOUNT,
    /** The statement names the caller's role: its sessions stay limited by their boundary and session policy. */
    NAMES_ROLE,
    /** The statement names the caller itself (user, session, service, provider, or everyone). */
    NAMES_PRINCIPAL;

    /** True unless {@link #NOT_APPLICABLE}. */
    public boolean applies() {
        return this != NOT_APPLICABLE;
    }

    /** The stronger of two grants, a direct naming beating a role, a role beating an account. */
    public Applicability strongest(Applicability other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
