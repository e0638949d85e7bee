package org.iamlab.engine.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.iamlab.engine.policy.PolicyKind;

/**
 * An IAM role: a trust policy that says who may assume it, permissions policies that say what its sessions
 * may do, an optional permissions boundary, and a maximum session duration between one and twelve hours.
 */
public final class Role extends PolicyHolder implements Actor {

    /** The shortest and longest maximum session duration a role can have. */
    public static final Duration MIN_SESSION = Duration.ofHours(1);
    public static final Duration MAX_SESSION = Duration.ofHours(12);

    private PolicyText trustPolicy;
    private Duration maxSessionDuration = MIN_SESSION;
    private String description;
    private Policy boundary;

    Role(Account account, String name, String path, String id, Instant createDate, PolicyText trustPolicy) {
        super(account, name, path, "arn:aws:iam::" + account.id() + ":role" + path + name, id, createDate);
        trustPolicy(trustPolicy);
    }

    @Override
    public String kind() {
        return "role";
    }

    @Override
    public String principal() {
        return arn();
    }

    /** The trust policy (the role's resource-based policy, which {@code sts:AssumeRole*} is decided by). */
    public PolicyText trustPolicy() {
        return trustPolicy;
    }

    public void trustPolicy(PolicyText policy) {
        Objects.requireNonNull(policy, "policy");
        policy.compiled(PolicyKind.TRUST);
        this.trustPolicy = policy;
    }

    public Duration maxSessionDuration() {
        return maxSessionDuration;
    }

    /** Sets the maximum session duration: one to twelve hours. */
    public void maxSessionDuration(Duration duration) {
        if (duration.compareTo(MIN_SESSION) < 0 || duration.compareTo(MAX_SESSION) > 0) {
            throw new WorldException("ValidationError", "a role's maximum session duration is 1 to 12 hours, not "
                    + Durations.words(duration), "1 validation error detected: Value '" + duration.toSeconds()
                    + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value "
                    + (duration.compareTo(MIN_SESSION) < 0 ? "greater than or equal to 3600"
                    : "less than or equal to 43200"), null);
        }
        this.maxSessionDuration = duration;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public void description(String text) {
        this.description = text;
    }

    public Optional<Policy> permissionsBoundary() {
        return Optional.ofNullable(boundary);
    }

    /** Sets the permissions boundary, or removes it with {@code null}. */
    public void permissionsBoundary(Policy policy) {
        boundary = replaceBoundary(boundary, policy);
    }
}
