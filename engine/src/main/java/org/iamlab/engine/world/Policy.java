package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A managed policy: an AWS managed one from the catalogue ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}) or
 * a customer managed one of an account ({@code arn:aws:iam::111122223333:policy/ReadLogs}). It can be attached
 * to users, groups and roles, and used as a permissions boundary.
 */
public final class Policy {

    private final String name;
    private final String path;
    private final String arn;
    private final String id;
    private final boolean awsManaged;
    private final Instant createDate;
    private final String description;
    private PolicyText text;
    private Instant updateDate;
    private int version = 1;
    private final Set<PolicyHolder> attachedTo = new LinkedHashSet<>();
    private final Set<PolicyHolder> boundaryOf = new LinkedHashSet<>();

    Policy(String name, String path, String arn, String id, boolean awsManaged, PolicyText text, Instant createDate,
           String description) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.awsManaged = awsManaged;
        this.text = Objects.requireNonNull(text, "text");
        this.createDate = createDate;
        this.updateDate = createDate;
        this.description = description;
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

    /** The policy's unique ID ({@code ANPA...}). */
    public String id() {
        return id;
    }

    public boolean awsManaged() {
        return awsManaged;
    }

    public PolicyText text() {
        return text;
    }

    public Instant createDate() {
        return createDate;
    }

    public Instant updateDate() {
        return updateDate;
    }

    /** The default version's ID, {@code v1}, {@code v2}, ... */
    public String defaultVersionId() {
        return "v" + version;
    }

    public String description() {
        return description;
    }

    /** Replaces the document with a new default version. */
    void update(PolicyText newText, Instant when) {
        this.text = Objects.requireNonNull(newText, "newText");
        this.updateDate = when;
        this.version++;
    }

    /** The users, groups and roles it is attached to. */
    public Set<PolicyHolder> attachedTo() {
        return Collections.unmodifiableSet(attachedTo);
    }

    /** The users and roles whose permissions boundary it is. */
    public Set<PolicyHolder> boundaryOf() {
        return Collections.unmodifiableSet(boundaryOf);
    }

    /** How many users, groups and roles it is attached to, as {@code AttachmentCount} counts them. */
    public int attachmentCount() {
        return attachedTo.size();
    }

    void attached(PolicyHolder holder) {
        attachedTo.add(holder);
    }

    void detached(PolicyHolder holder) {
        attachedTo.remove(holder);
    }

    void boundaryAdded(PolicyHolder holder) {
        boundaryOf.add(holder);
    }

    void boundaryRemoved(PolicyHolder holder) {
        boundaryOf.remove(holder);
    }

    @Override
    public String toString() {
        return arn;
    }
}
