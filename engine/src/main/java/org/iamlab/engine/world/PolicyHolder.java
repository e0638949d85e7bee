package org.iamlab.engine.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What users, groups and roles share: a name, path, ARN and unique ID in one account, tags, attached managed
 * policies (at most {@value #MANAGED_POLICY_QUOTA}) and inline policies.
 */
public abstract sealed class PolicyHolder permits User, Group, Role {

    /** IAM's default quota of managed policies attached to one user, group or role. */
    public static final int MANAGED_POLICY_QUOTA = 10;

    private final Account account;
    private final String name;
    private final String path;
    private final String arn;
    private final String id;
    private final Instant createDate;
    private final List<Policy> attached = new ArrayList<>();
    private final Map<String, InlinePolicy> inline = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    PolicyHolder(Account account, String name, String path, String arn, String id, Instant createDate) {
        this.account = Objects.requireNonNull(account, "account");
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.createDate = createDate;
    }

    /** {@code user}, {@code group} or {@code role}. */
    public abstract String kind();

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public String arn() {
        return arn;
    }

    /** The unique ID ({@code AIDA...}, {@code AGPA...}, {@code AROA...}). */
    public String id() {
        return id;
    }

    public Instant createDate() {
        return createDate;
    }

    /** The attached managed policies, in the order they were attached. */
    public List<Policy> attachedPolicies() {
        return Collections.unmodifiableList(attached);
    }

    /** The inline policies by name, in the order they were put. */
    public Map<String, InlinePolicy> inlinePolicies() {
        return Collections.unmodifiableMap(inline);
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    /** Attaches a managed policy; attaching it again changes nothing, as in IAM. */
    public void attach(Policy policy) {
        if (attached.contains(policy)) {
            return;
        }
        if (attached.size() >= MANAGED_POLICY_QUOTA) {
            String quota = "PoliciesPer" + Character.toUpperCase(kind().charAt(0)) + kind().substring(1);
            throw WorldException.limitExceeded(kind() + " `" + name + "` already has " + MANAGED_POLICY_QUOTA
                    + " managed policies attached", "Cannot exceed quota for " + quota + ": " + MANAGED_POLICY_QUOTA);
        }
        attached.add(policy);
        policy.attached(this);
    }

    /** Detaches a managed policy. */
    public void detach(Policy policy) {
        if (!attached.remove(policy)) {
            throw new WorldException("NoSuchEntity", "policy `" + policy.name() + "` is not attached to " + kind()
                    + " `" + name + "`", "Policy " + policy.arn() + " was not found.",
                    attached.isEmpty() ? null : org.iamlab.engine.parse.Hints.didYouMean(policy.name(),
                            attached.stream().map(Policy::name).toList()));
        }
        policy.detached(this);
    }

    /** Puts an inline policy, replacing one of the same name. */
    public void putInline(InlinePolicy policy) {
        inline.put(policy.name(), policy);
    }

    /** Deletes an inline policy. */
    public void deleteInline(String policyName) {
        if (inline.remove(policyName) == null) {
            throw WorldException.noSuchEntity("inline policy", policyName, "in " + kind() + " `" + name + "`",
                    inline.keySet(), "The " + kind() + " policy with name " + policyName + " cannot be found.");
        }
    }

    /** The inline policy called {@code policyName}. */
    public InlinePolicy inline(String policyName) {
        InlinePolicy p = inline.get(policyName);
        if (p == null) {
            throw WorldException.noSuchEntity("inline policy", policyName, "in " + kind() + " `" + name + "`",
                    inline.keySet(), "The " + kind() + " policy with name " + policyName + " cannot be found.");
        }
        return p;
    }

    public void tag(String key, String value) {
        tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public void untag(String key) {
        tags.remove(key);
    }

    @Override
    public String toString() {
        return arn;
    }

    /**
     * Moves this holder's permissions boundary from {@code current} to {@code next} (either may be {@code null}),
     * keeping each policy's record of whom it bounds; returns {@code next}. Users and roles have boundaries.
     */
    Policy replaceBoundary(Policy current, Policy next) {
        if (current != null) {
            current.boundaryRemoved(this);
        }
        if (next != null) {
            next.boundaryAdded(this);
        }
        return next;
    }
}
