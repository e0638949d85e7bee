package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A role session, {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}, with its temporary credentials. Its
 * permissions are the role's policies, within the role's boundary and the session policy; session tags
 * override the role's tags as {@code aws:PrincipalTag/*}. An EC2 instance's sessions have temporary credentials
 * that its metadata service rotates ({@link Instance#session()}); a Lambda function's session has credentials
 * that Lambda refreshes, so it does not expire.
 */
public final class Session implements Actor {

    /** Temporary credentials; {@code expiration} is {@code null} for credentials a service refreshes. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    }

    private final Role role;
    private final String name;
    private final Credentials credentials;
    private final Instant issued;
    private final PolicyText sessionPolicy;
    private final Map<String, String> tags;
    private final String sourceIdentity;
    private final Boolean mfa;
    private final Map<String, List<String>> context;

    Session(Role role, String name, Credentials credentials, Instant issued, PolicyText sessionPolicy,
            Map<String, String> tags, String sourceIdentity, Boolean mfa, Map<String, List<String>> context) {
        this.role = Objects.requireNonNull(role, "role");
        this.name = Names.sessionName(name);
        this.credentials = credentials;
        this.issued = issued;
        this.sessionPolicy = sessionPolicy;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.sourceIdentity = sourceIdentity;
        this.mfa = mfa;
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** A session a service holds for a resource (a Lambda function), tagged by {@code key}. */
    static Session ofService(Role role, String name, String key, String value) {
        return new Session(role, name, null, role.account().world().clock().instant(), null, Map.of(), null, null,
                Map.of(key, List.of(value)));
    }

    /** The session of an EC2 instance's role with one set of its temporary credentials, issued at {@code issued}. */
    static Session ofInstance(Role role, String instanceId, String instanceArn, Credentials credentials,
                              Instant issued) {
        return new Session(role, instanceId, credentials, issued, null, Map.of(), null, null,
                Map.of("ec2:SourceInstanceARN", List.of(instanceArn)));
    }

    /** Whether it is an EC2 instance's session (whose instance rotates its credentials). */
    public boolean ofInstance() {
        return context.containsKey("ec2:SourceInstanceARN");
    }

    public Role role() {
        return role;
    }

    /** The session name. */
    public String name() {
        return name;
    }

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    public String arn() {
        return "arn:aws:sts::" + role.account().id() + ":assumed-role/" + role.name() + "/" + name;
    }

    @Override
    public String principal() {
        return arn();
    }

    @Override
    public Account account() {
        return role.account();
    }

    /** {@code AROA...:SESSION}, which {@code aws:userid} carries. */
    public String assumedRoleId() {
        return role.id() + ":" + name;
    }

    /** The temporary credentials, absent for a Lambda function's session. */
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    public Instant issued() {
        return issued;
    }

    /** When the credentials expire; empty when Lambda refreshes them. */
    public Optional<Instant> expiration() {
        return credentials == null ? Optional.empty() : Optional.ofNullable(credentials.expiration());
    }

    /** True when the credentials have expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiration().map(e -> !now.isBefore(e)).orElse(false);
    }

    public Optional<PolicyText> sessionPolicy() {
        return Optional.ofNullable(sessionPolicy);
    }

    /** The session tags. */
    public Map<String, String> tags() {
        return tags;
    }

    public Optional<String> sourceIdentity() {
        return Optional.ofNullable(sourceIdentity);
    }

    /** Whether the session was created with MFA; empty when the key is absent (service sessions). */
    public Optional<Boolean> mfa() {
        return Optional.ofNullable(mfa);
    }

    /** Context keys the session carries on every request (e.g. {@code aws:FederatedProvider}). */
    public Map<String, List<String>> context() {
        return context;
    }

    @Override
    public String toString() {
        return arn();
    }
}
