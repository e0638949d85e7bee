package org.iamlab.engine.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A managed policy: an AWS managed one from the catalogue ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}) or
 * a customer managed one of an account ({@code arn:aws:iam::111122223333:policy/ReadLogs}). It can be attached
 * to users, groups and roles, and used as a permissions boundary.
 *
 * <p>A change never overwrites the document: it adds a version (IAM User Guide, "Versioning IAM policies"). The
 * default version is the one in effect; up to {@value #MAX_VERSIONS} are kept, and version IDs are never reused
 * ({@code v1}, {@code v3}, {@code v5} once {@code v2} and {@code v4} are deleted).
 */
public final class Policy {

    private final String name;
    private final String path;
    private final String arn;
    private final String id;
    private final boolean awsManaged;
    private final Instant createDate;
    private final String description;
    private final List<Version> versions = new ArrayList<>();
    private Version defaultVersion;
    /** The highest version number deleted (or, for an AWS managed policy, before its current one): not reused. */
    private int retiredVersionNumber;
    private final Set<PolicyHolder> attachedTo = new LinkedHashSet<>();
    private final Set<PolicyHolder> boundaryOf = new LinkedHashSet<>();

    /** IAM keeps at most this many versions of a managed policy. */
    public static final int MAX_VERSIONS = 5;

    /** One version of the policy's document. */
    public record Version(String id, PolicyText document, Instant createDate) {
    }

    Policy(String name, String path, String arn, String id, boolean awsManaged, PolicyText text, Instant createDate,
           String description) {
        this(name, path, arn, id, awsManaged, text, createDate, description, 1);
    }

    /** A policy whose only version is {@code v<versionNumber>} (an AWS managed one's current version). */
    Policy(String name, String path, String arn, String id, boolean awsManaged, PolicyText text, Instant createDate,
           String description, int versionNumber) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.awsManaged = awsManaged;
        this.createDate = createDate;
        this.description = description;
        this.retiredVersionNumber = versionNumber - 1;
        this.defaultVersion = addVersion(Objects.requireNonNull(text, "text"), createDate);
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

    /** The default version's document: the one in effect. */
    public PolicyText text() {
        return defaultVersion().document();
    }

    public Instant createDate() {
        return createDate;
    }

    /** When the newest version was made (the creation date while there is one version), as IAM reports it. */
    public Instant updateDate() {
        return versions.get(versions.size() - 1).createDate();
    }

    /** The default version's ID, {@code v1}, {@code v2}, ... */
    public String defaultVersionId() {
        return defaultVersion().id();
    }

    /**
     * The default version: the one in effect. A notebook cell run again withdraws the versions its last run made
     * ({@link Cells}); when that took the default, the newest kept version is the default again, as it was before.
     */
    public Version defaultVersion() {
        for (Version v : versions) { // by identity: every decision asks, and equals would compare documents
            if (v == defaultVersion) {
                return v;
            }
        }
        return versions.get(versions.size() - 1);
    }

    /** The versions kept, oldest first. */
    public List<Version> versions() {
        return Collections.unmodifiableList(versions);
    }

    /** The kept version with this ID; IAM's NoSuchEntity, naming the kept ones, when there is none. */
    public Version version(String versionId) {
        return versions.stream().filter(v -> v.id().equals(versionId)).findFirst().orElseThrow(() ->
                new WorldException("NoSuchEntity", "policy `" + name + "` has no version `" + versionId + "`",
                        "Policy " + arn + " version " + versionId + " does not exist or is not attachable.",
                        "its versions are " + versionIds()));
    }

    /** The IDs of the kept versions, oldest first. */
    public List<String> versionIds() {
        return versions.stream().map(Version::id).toList();
    }

    public String description() {
        return description;
    }

    /** Adds a version with the next unused ID; the caller has checked the limit. */
    Version addVersion(PolicyText document, Instant when) {
        int highest = retiredVersionNumber;
        for (Version v : versions) {
            highest = Math.max(highest, number(v));
        }
        Version v = new Version("v" + (highest + 1), document, when);
        versions.add(v);
        return v;
    }

    void makeDefault(Version v) {
        defaultVersion = v;
    }

    void removeVersion(Version v) {
        versions.remove(v);
        retiredVersionNumber = Math.max(retiredVersionNumber, number(v));
    }

    private static int number(Version v) {
        return Integer.parseInt(v.id().substring(1));
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
