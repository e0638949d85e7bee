package org.iamlab.engine.policy;

/**
 * Where a policy is attached, which decides the grammar it must follow (a Principal only in resource-based
 * policies) and the step of the evaluation it takes part in.
 */
public enum PolicyKind {
    IDENTITY("identity-based policy", false),
    RESOURCE("resource-based policy", true),
    TRUST("role trust policy", true),
    PERMISSIONS_BOUNDARY("permissions boundary", false),
    SESSION("session policy", false),
    SERVICE_CONTROL("service control policy", false),
    RESOURCE_CONTROL("resource control policy", true);

    private final String description;
    private final boolean namesPrincipals;

    PolicyKind(String description, boolean namesPrincipals) {
        this.description = description;
        this.namesPrincipals = namesPrincipals;
    }

    /** The kind in words, for messages and traces. */
    public String description() {
        return description;
    }

    /** True for kinds whose statements carry a Principal element. */
    public boolean namesPrincipals() {
        return namesPrincipals;
    }

    /** True for kinds whose statements must say which resources they cover. */
    public boolean requiresResource() {
        return this == IDENTITY || this == PERMISSIONS_BOUNDARY || this == SESSION;
    }
}
