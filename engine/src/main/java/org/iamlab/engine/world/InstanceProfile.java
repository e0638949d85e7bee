package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Optional;

/** An instance profile: the container that passes one role to the EC2 instances associated with it. */
public final class InstanceProfile {

    private final Account account;
    private final String name;
    private final String path;
    private final String id;
    private final Instant createDate;
    private Role role;

    InstanceProfile(Account account, String name, String path, String id, Instant createDate) {
        this.account = account;
        this.name = name;
        this.path = path;
        this.id = id;
        this.createDate = createDate;
    }

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
        return "arn:aws:iam::" + account.id() + ":instance-profile" + path + name;
    }

    /** The unique ID, {@code AIPA...}. */
    public String id() {
        return id;
    }

    public Instant createDate() {
        return createDate;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** Adds the role; an instance profile holds one role. */
    public void addRole(Role newRole) {
        if (role != null) {
            throw WorldException.limitExceeded("instance profile `" + name + "` already holds role `" + role.name()
                            + "` (an instance profile holds one role)",
                    "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        if (newRole.account() != account) {
            throw WorldException.invalid("role `" + newRole.name() + "` is in another account than instance profile `"
                    + name + "`", null);
        }
        role = newRole;
    }

    public void removeRole(Role old) {
        if (role != old) {
            throw new WorldException("NoSuchEntity", "instance profile `" + name + "` does not hold role `"
                    + old.name() + "`", "The role with name " + old.name() + " cannot be found.", null);
        }
        role = null;
    }

    @Override
    public String toString() {
        return arn();
    }
}
