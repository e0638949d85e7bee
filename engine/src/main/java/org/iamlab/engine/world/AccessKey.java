package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's long-term access key. The secret is not kept: AWS shows it once, when the key is created
 * ({@link User.NewAccessKey}).
 */
public final class AccessKey {

    /** Whether a key can be used. */
    public enum Status { Active, Inactive }

    private final User user;
    private final String id;
    private final Instant createDate;
    private Status status = Status.Active;

    AccessKey(User user, String id, Instant createDate) {
        this.user = Objects.requireNonNull(user, "user");
        this.id = id;
        this.createDate = createDate;
    }

    public User user() {
        return user;
    }

    /** The access key ID, {@code AKIA...}. */
    public String id() {
        return id;
    }

    public Instant createDate() {
        return createDate;
    }

    public Status status() {
        return status;
    }

    public void status(Status newStatus) {
        this.status = Objects.requireNonNull(newStatus, "newStatus");
    }

    @Override
    public String toString() {
        return id + " (" + status + ")";
    }
}
