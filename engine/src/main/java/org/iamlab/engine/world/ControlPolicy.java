package org.iamlab.engine.world;

import java.util.Objects;
import org.iamlab.engine.policy.PolicyKind;

/** A service control policy (SCP) or resource control policy (RCP) of an organization. */
public record ControlPolicy(String id, String name, PolicyKind kind, PolicyText text, boolean awsManaged) {

    public ControlPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (kind != PolicyKind.SERVICE_CONTROL && kind != PolicyKind.RESOURCE_CONTROL) {
            throw new IllegalArgumentException("a control policy is an SCP or an RCP, not a " + kind.description());
        }
        text.compiled(kind);
    }

    /** {@code SERVICE_CONTROL_POLICY} or {@code RESOURCE_CONTROL_POLICY}, as Organizations names the type. */
    public String type() {
        return kind == PolicyKind.SERVICE_CONTROL ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY";
    }

    public String arn(Organization org) {
        String kindPath = kind == PolicyKind.SERVICE_CONTROL ? "service_control_policy" : "resource_control_policy";
        return awsManaged ? "arn:aws:organizations::aws:policy/" + kindPath + "/" + id
                : "arn:aws:organizations::" + org.management().id() + ":policy/" + org.id() + "/" + kindPath + "/" + id;
    }
}
