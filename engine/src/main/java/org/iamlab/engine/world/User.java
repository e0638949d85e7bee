package org.iamlab.engine.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM user: long-term credentials (at most two access keys, a console password, MFA devices), group
 * memberships, managed and inline policies, an optional permissions boundary.
 */
public final class User extends PolicyHolder implements Actor {

    /** IAM's limit of access keys per user. */
    public static final int ACCESS_KEY_QUOTA = 2;
    /** IAM's limit of groups a user can be in. */
    public static final int GROUP_QUOTA = 10;

    /** A new access key with its secret, which is shown only now. */
    public record NewAccessKey(AccessKey key, String secret) {
    }

    /** A console password: AWS keeps only that there is one, when it was set and whether it must be reset. */
    public record LoginProfile(Instant createDate, boolean passwordResetRequired) {
    }

    /** A virtual MFA device, {@code arn:aws:iam::ACCOUNT:mfa/NAME}. */
    public record MfaDevice(String serialNumber, Instant enableDate) {
    }

    private final List<AccessKey> accessKeys = new ArrayList<>();
    private final Set<Group> groups = new LinkedHashSet<>();
    private final List<MfaDevice> mfaDevices = new ArrayList<>();
    private LoginProfile loginProfile;
    private Policy boundary;

    User(Account account, String name, String path, String id, Instant createDate) {
        super(account, name, path, "arn:aws:iam::" + account.id() + ":user" + path + name, id, createDate);
    }

    @Override
    public String kind() {
        return "user";
    }

    @Override
    public String principal() {
        return arn();
    }

    public List<AccessKey> accessKeys() {
        return Collections.unmodifiableList(accessKeys);
    }

    /** Creates an access key; a user can have two. */
    public NewAccessKey createAccessKey() {
        if (accessKeys.size() >= ACCESS_KEY_QUOTA) {
            throw WorldException.limitExceeded("user `" + name() + "` already has " + ACCESS_KEY_QUOTA
                    + " access keys (IAM allows two, so that one can be rotated)",
                    "Cannot exceed quota for AccessKeysPerUser: " + ACCESS_KEY_QUOTA);
        }
        World world = account().world();
        AccessKey key = new AccessKey(this, world.ids().unique("AKIA", 20), world.clock().instant());
        accessKeys.add(key);
        world.registerAccessKey(key);
        return new NewAccessKey(key, world.ids().secret());
    }

    /** The access key with this ID. */
    public AccessKey accessKey(String id) {
        return accessKeys.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() ->
                WorldException.noSuchEntity("access key", id, "for user `" + name() + "`",
                        accessKeys.stream().map(AccessKey::id).toList(),
                        "The Access Key with id " + id + " cannot be found."));
    }

    public void deleteAccessKey(String id) {
        AccessKey key = accessKey(id);
        accessKeys.remove(key);
        account().world().unregisterAccessKey(key);
    }

    /** The groups the user is in. */
    public Set<Group> groups() {
        return Collections.unmodifiableSet(groups);
    }

    void joined(Group group) {
        if (!groups.contains(group) && groups.size() >= GROUP_QUOTA) {
            throw WorldException.limitExceeded("user `" + name() + "` is already in " + GROUP_QUOTA + " groups",
                    "Cannot exceed quota for GroupsPerUser: " + GROUP_QUOTA);
        }
        groups.add(group);
    }

    void left(Group group) {
        groups.remove(group);
    }

    public Optional<LoginProfile> loginProfile() {
        return Optional.ofNullable(loginProfile);
    }

    /** Gives the user a console password (the password itself is not kept). */
    public void createLoginProfile(String password, boolean resetRequired) {
        if (loginProfile != null) {
            throw new WorldException("EntityAlreadyExists", "user `" + name() + "` already has a console password",
                    "Login Profile for user " + name() + " already exists.", null);
        }
        if (password == null || password.length() < 8) {
            throw new WorldException("PasswordPolicyViolation", "the password is too short",
                    "Password should have a minimum length of 8", "use at least 8 characters");
        }
        loginProfile = new LoginProfile(account().world().clock().instant(), resetRequired);
    }

    public void deleteLoginProfile() {
        if (loginProfile == null) {
            throw new WorldException("NoSuchEntity", "user `" + name() + "` has no console password",
                    "Login Profile for User " + name() + " cannot be found.", null);
        }
        loginProfile = null;
    }

    public List<MfaDevice> mfaDevices() {
        return Collections.unmodifiableList(mfaDevices);
    }

    /** Enables a virtual MFA device named after the user. */
    public MfaDevice enableMfa() {
        MfaDevice device = new MfaDevice("arn:aws:iam::" + account().id() + ":mfa/" + name()
                + (mfaDevices.isEmpty() ? "" : "-" + (mfaDevices.size() + 1)), account().world().clock().instant());
        mfaDevices.add(device);
        return device;
    }

    public void deactivateMfa(String serialNumber) {
        if (!mfaDevices.removeIf(d -> d.serialNumber().equals(serialNumber))) {
            throw new WorldException("NoSuchEntity", "user `" + name() + "` has no MFA device `" + serialNumber + "`",
                    "MFA Device with serial number " + serialNumber + " does not exist.", null);
        }
    }

    public Optional<Policy> permissionsBoundary() {
        return Optional.ofNullable(boundary);
    }

    /** Sets the permissions boundary, or removes it with {@code null}. */
    public void permissionsBoundary(Policy policy) {
        boundary = replaceBoundary(boundary, policy);
    }
}
