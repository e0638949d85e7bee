package org.iamlab.engine.trace;

/** The steps of IAM's evaluation, in the order the IAM User Guide's "Policy evaluation logic" takes them. */
public enum Step {
    EXPLICIT_DENY("Explicit deny check"),
    RESOURCE_CONTROL_POLICIES("Resource control policies"),
    SERVICE_CONTROL_POLICIES("Service control policies"),
    RESOURCE_POLICY("Resource-based policy"),
    IDENTITY_POLICIES("Identity-based policies"),
    PERMISSIONS_BOUNDARY("Permissions boundary"),
    SESSION_POLICY("Session policy");

    private final String title;

    Step(String title) {
        this.title = title;
    }

    /** The step's name in words. */
    public String title() {
        return title;
    }
}
