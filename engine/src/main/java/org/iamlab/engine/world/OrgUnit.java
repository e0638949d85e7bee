package org.iamlab.engine.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The organization's root or one organizational unit (OU), with its child OUs and accounts. */
public final class OrgUnit {

    private final String id;
    private final String name;
    private final OrgUnit parent;
    private final List<OrgUnit> children = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();

    OrgUnit(String id, String name, OrgUnit parent) {
        this.id = id;
        this.name = name;
        this.parent = parent;
    }

    /** {@code r-...} for the root, {@code ou-...} for an OU. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public Optional<OrgUnit> parent() {
        return Optional.ofNullable(parent);
    }

    public List<OrgUnit> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Account> accounts() {
        return Collections.unmodifiableList(accounts);
    }

    void addChild(OrgUnit unit) {
        children.add(unit);
    }

    void addAccount(Account account) {
        accounts.add(account);
    }

    void removeAccount(Account account) {
        accounts.remove(account);
    }

    /** The level's name in traces: {@code Root (r-ab12)} or {@code OU Engineering (ou-ab12-cd34ef56)}. */
    public String label() {
        return (isRoot() ? "Root" : "OU " + name) + " (" + id + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
