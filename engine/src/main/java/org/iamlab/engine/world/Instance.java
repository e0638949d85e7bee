package org.iamlab.engine.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An EC2 instance. With an instance profile associated, software on it acts as a session of the profile's role
 * named after the instance ID, with temporary credentials that the instance metadata service rotates: a new set
 * about every hour, each valid for six hours, so new credentials are there well before the old ones expire
 * (IAM User Guide, "Use an IAM role to grant permissions to applications running on Amazon EC2 instances";
 * EC2 User Guide, "Retrieve security credentials from instance metadata").
 */
public final class Instance {

    /** How long the metadata service hands out one set of credentials before it rotates them. */
    public static final Duration ROTATION = Duration.ofHours(1);
    /** How long one set of credentials is valid. */
    public static final Duration LIFETIME = Duration.ofHours(6);

    private final Account account;
    private final String id;
    private final String region;
    private InstanceProfile profile;
    private String associationId;
    /** The session with the credentials the metadata service hands out now, or {@code null} before the first. */
    private Session current;

    Instance(Account account, String id, String region) {
        this.account = account;
        this.id = id;
        this.region = region;
    }

    public Account account() {
        return account;
    }

    /** The instance ID, {@code i-...}. */
    public String id() {
        return id;
    }

    public String region() {
        return region;
    }

    public String arn() {
        return "arn:aws:ec2:" + region + ":" + account.id() + ":instance/" + id;
    }

    public Optional<InstanceProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** The association's ID, {@code iip-assoc-...}, when a profile is associated. */
    public Optional<String> associationId() {
        return Optional.ofNullable(associationId);
    }

    /** Associates an instance profile; an instance has at most one. */
    public String associate(InstanceProfile newProfile) {
        if (profile != null) {
            throw new WorldException("IncorrectState", "instance `" + id + "` already has instance profile `"
                    + profile.name() + "`", "There is an existing association for instance " + id, null);
        }
        profile = newProfile;
        current = null;
        associationId = "iip-assoc-" + account.world().ids().hex(17);
        return associationId;
    }

    public void disassociate() {
        profile = null;
        current = null;
        associationId = null;
    }

    /**
     * The session software on the instance acts as, with the credentials the metadata service hands out at the
     * world's time: the same set for an hour after it was issued, then a new one. A session kept from earlier
     * goes on working until its credentials expire, six hours after they were issued. EC2 delivers the role's
     * credentials only when the role's trust policy lets {@code ec2.amazonaws.com} assume it.
     */
    public Session session() {
        if (profile == null || profile.role().isEmpty()) {
            throw new WorldException("NoCredentials", "instance `" + id + "` has no role: associate an instance"
                    + " profile that holds one", "Unable to locate credentials.", null);
        }
        Role role = profile.role().get();
        Optional<Answer> refused = ServiceTrust.refusal(role, "ec2.amazonaws.com");
        if (refused.isPresent()) {
            throw new WorldException("NoCredentials", "instance `" + id + "` gets no credentials from role `"
                    + role.name() + "`: the role's trust policy does not let ec2.amazonaws.com assume it",
                    "Unable to locate credentials.", "add trustService 'ec2.amazonaws.com' to role `" + role.name()
                    + "`", refused.get());
        }
        Instant now = account.world().clock().instant();
        boolean fresh = current != null && current.role() == role && !now.isBefore(current.issued())
                && now.isBefore(current.issued().plus(ROTATION));
        if (!fresh) {
            current = Session.ofInstance(role, id, arn(), credentials(now), now);
        }
        return current;
    }

    /**
     * A set of credentials issued at {@code now}, drawn from a generator of their own (seeded by the instance and
     * the time) so that asking as an instance does not change the IDs the world gives what is created next.
     */
    private Session.Credentials credentials(Instant now) {
        Ids ids = new Ids(Objects.hash(account.id(), id, now));
        return new Session.Credentials(ids.unique("ASIA", 20), ids.secret(), ids.sessionToken(), now.plus(LIFETIME));
    }

    @Override
    public String toString() {
        return id;
    }
}
