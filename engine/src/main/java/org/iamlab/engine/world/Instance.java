package org.iamlab.engine.world;

import java.util.Optional;

/**
 * An EC2 instance. With an instance profile associated, software on it acts as a session of the profile's role
 * named after the instance ID, with credentials the instance refreshes on its own.
 */
public final class Instance {

    private final Account account;
    private final String id;
    private final String region;
    private InstanceProfile profile;
    private String associationId;

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
        associationId = "iip-assoc-" + account.world().ids().hex(17);
        return associationId;
    }

    public void disassociate() {
        profile = null;
        associationId = null;
    }

    /**
     * The session software on the instance acts as. EC2 delivers the role's credentials only when the role's
     * trust policy lets {@code ec2.amazonaws.com} assume it.
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
        return Session.ofService(role, id, "ec2:SourceInstanceARN", arn());
    }

    @Override
    public String toString() {
        return id;
    }
}
