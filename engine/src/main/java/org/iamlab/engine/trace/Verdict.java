package org.iamlab.engine.trace;

/** What one evaluation step concluded. */
public enum Verdict {
    /** A matching Deny: the request is explicitly denied here. */
    DENY,
    /** The step allows the request, and the decision is made here. */
    ALLOW,
    /** The step allows the request to go on to the next step. */
    PASS,
    /** The step has no allow: the request is implicitly denied here. */
    NO_ALLOW,
    /** The step does not apply to this request (no organization, no resource policy, ...). */
    NOT_APPLICABLE,
    /** The decision was made before this step. */
    NOT_REACHED
}
