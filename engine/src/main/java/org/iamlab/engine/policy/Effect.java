package org.iamlab.engine.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling used in policy JSON. */
    public String json() {
        return json;
    }
}
