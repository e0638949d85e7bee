package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An IAM group: a set of users that share its policies. Groups hold users only; IAM has no groups in groups.
 */
public final class Group extends PolicyHolder {

    private final Set<User> members = new LinkedHashSet<>();

    Group(Account account, String name, String path, String id, Instant createDate) {
        super(account, name, path, "arn:aws:iam::" + account.id() + ":group" + path + name, id, createDate);
    }

    @Override
    public String kind() {
        return "group";
    }

    public Set<User> members() {
        return Collections.unmodifiableSet(members);
    }

    /** Adds a user of the same account; adding a member again changes nothing. */
    public void add(User user) {
        if (user.account() != account()) {
            throw WorldException.invalid("user `" + user.name() + "` is in account " + user.account().id()
                    + " and group `" + name() + "` in account " + account().id(),
                    "a group holds users of its own account only");
        }
        user.joined(this);
        members.add(user);
    }

    public void remove(User user) {
        if (!members.remove(user)) {
            throw new WorldException("NoSuchEntity", "user `" + user.name() + "` is not in group `" + name() + "`",
                    "The user with name " + user.name() + " cannot be found.", null);
        }
        user.left(this);
    }
}
