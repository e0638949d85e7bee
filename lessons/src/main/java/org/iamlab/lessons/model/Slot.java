package org.iamlab.lessons.model;

import java.util.Objects;
import org.iamlab.engine.policy.PolicyKind;

/**
 * A place in a world that holds one policy document, which a learner writes (a policy exercise) or may change (a
 * fix-it exercise): {@code name} is the policy's name (inline, managed, SCP), {@code of} what holds it (a user,
 * group or role; a role for trust; a resource; a user or role for its boundary); either may be null when the
 * type does not use it.
 */
public record Slot(Type type, String name, Ref of, Location at) {

    /** The kinds of slot and the YAML key that introduces each. */
    public enum Type {
        INLINE("inline", PolicyKind.IDENTITY),
        MANAGED("managed", PolicyKind.IDENTITY),
        TRUST("trust", PolicyKind.TRUST),
        RESOURCE_POLICY("resourcePolicy", PolicyKind.RESOURCE),
        BOUNDARY("boundary", PolicyKind.PERMISSIONS_BOUNDARY),
        SCP("scp", PolicyKind.SERVICE_CONTROL);

        private final String key;
        private final PolicyKind kind;

        Type(String key, PolicyKind kind) {
            this.key = key;
            this.kind = kind;
        }

        public String key() {
            return key;
        }

        /** The grammar and evaluation step of the policy the slot holds. */
        public PolicyKind policyKind() {
            return kind;
        }

        /**
         * True when what the slot grants adds to what the principal could already do (inline, managed, trust and
         * resource policies); false when it limits it (boundaries, SCPs), so the least-privilege probe counts all
         * it lets through rather than what it adds.
         */
        public boolean grants() {
            return this != BOUNDARY && this != SCP;
        }

        public static Type ofKey(String key) {
            for (Type t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            return null;
        }
    }

    public Slot {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    /** The slot in words: {@code inline policy `ReadLogs` of user('bob')}, {@code the trust policy of role('x')}. */
    public String describe() {
        return switch (type) {
            case INLINE -> "inline policy `" + name + "` of " + of;
            case MANAGED -> "customer managed policy `" + name + "`";
            case TRUST -> "the trust policy of " + of;
            case RESOURCE_POLICY -> "the resource-based policy of " + of;
            case BOUNDARY -> "the permissions boundary of " + of;
            case SCP -> "service control policy `" + name + "`";
        };
    }
}
