package org.iamlab.engine.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.PolicyRef;

/**
 * An AWS Organization: a management account, a root with a tree of OUs, member accounts, and service and
 * resource control policies attached to the root, OUs and accounts. As in AWS with SCPs enabled,
 * {@code FullAWSAccess} is attached to the root, every new OU and every account that joins, and the
 * management account is governed by neither SCPs nor RCPs.
 */
public final class Organization {

    /** The AWS managed SCP that allows everything. */
    public static final String FULL_AWS_ACCESS = "FullAWSAccess";

    private final World world;
    private final String id;
    private final Account management;
    private final OrgUnit root;
    private final Map<String, ControlPolicy> policies = new LinkedHashMap<>();
    private final Map<Object, List<ControlPolicy>> attachments = new IdentityHashMap<>();

    Organization(World world, Account management) {
        this.world = world;
        this.id = "o-" + world.ids().lowerAlnum(10);
        this.management = Objects.requireNonNull(management, "management");
        this.root = new OrgUnit("r-" + world.ids().lowerAlnum(4), "Root", null);
        ControlPolicy full = new ControlPolicy("p-FullAWSAccess", FULL_AWS_ACCESS, PolicyKind.SERVICE_CONTROL,
                PolicyText.parse("""
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Effect": "Allow",
                              "Action": "*",
                              "Resource": "*"
                            }
                          ]
                        }""", PolicyKind.SERVICE_CONTROL), true);
        policies.put(full.name(), full);
        attach(full, root);
        addAccount(management, root);
    }

    /** {@code o-...}. */
    public String id() {
        return id;
    }

    public Account management() {
        return management;
    }

    public OrgUnit root() {
        return root;
    }

    /** Creates an OU under {@code parent}; {@code FullAWSAccess} is attached to it. */
    public OrgUnit createOu(OrgUnit parent, String name) {
        for (OrgUnit sibling : parent.children()) {
            if (sibling.name().equals(name)) {
                throw WorldException.alreadyExists("OU", name, "in " + parent.label(),
                        "An OU with the same name already exists.", world.cells().definedBy(sibling));
            }
        }
        OrgUnit unit = new OrgUnit("ou-" + root.id().substring(2) + "-" + world.ids().lowerAlnum(8), name, parent);
        parent.addChild(unit);
        attach(policy(FULL_AWS_ACCESS), unit);
        return unit;
    }

    /** The OU called {@code name} anywhere in the tree ({@code Root} is the root). */
    public OrgUnit ou(String name) {
        List<OrgUnit> all = units();
        for (OrgUnit u : all) {
            if (u.name().equals(name) || u.id().equals(name)) {
                return u;
            }
        }
        throw WorldException.noSuchEntity("OU", name, "in organization " + id,
                all.stream().map(OrgUnit::name).toList(), "You specified an OU that doesn't exist.");
    }

    /** The root and every OU, depth first. */
    public List<OrgUnit> units() {
        List<OrgUnit> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(OrgUnit u, List<OrgUnit> out) {
        out.add(u);
        u.children().forEach(c -> collect(c, out));
    }

    /**
     * Moves {@code account} into the organization under {@code parent}; an account that joins gets
     * {@code FullAWSAccess}, unless it still has it: a notebook cell that runs again withdraws the OU it created,
     * which leaves the OU's accounts without a parent but keeps what is attached to them.
     */
    public void addAccount(Account account, OrgUnit parent) {
        if (account.parent().isPresent()) {
            account.parent().get().removeAccount(account);
        } else if (!attached(account).contains(policy(FULL_AWS_ACCESS))) {
            attach(policy(FULL_AWS_ACCESS), account);
        }
        parent.addAccount(account);
        account.parent(parent);
    }

    /** Every account of the organization. */
    public List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        units().forEach(u -> out.addAll(u.accounts()));
        return out;
    }

    /** Creates a service or resource control policy. */
    public ControlPolicy createPolicy(PolicyKind kind, String name, PolicyText text) {
        Names.iamName(kind == PolicyKind.SERVICE_CONTROL ? "SCP" : "RCP", name, 128);
        if (policies.containsKey(name)) {
            throw WorldException.alreadyExists("control policy", name, "in organization " + id,
                    "A policy with the specified name and type already exists.",
                    world.cells().definedBy(policies.get(name)));
        }
        ControlPolicy p = new ControlPolicy("p-" + world.ids().lowerAlnum(8), name, kind, text, false);
        policies.put(name, p);
        return p;
    }

    public ControlPolicy policy(String name) {
        ControlPolicy p = policies.get(name);
        if (p == null) {
            throw WorldException.noSuchEntity("SCP or RCP", name, "in organization " + id, policies.keySet(),
                    "We can't find a policy with the PolicyId that you specified.");
        }
        return p;
    }

    public Collection<ControlPolicy> policies() {
        return Collections.unmodifiableCollection(policies.values());
    }

    /** Attaches a control policy to the root, an OU ({@link OrgUnit}) or an {@link Account}. */
    public void attach(ControlPolicy policy, Object target) {
        checkTarget(target);
        List<ControlPolicy> list = attachments.computeIfAbsent(target, k -> new ArrayList<>());
        if (list.contains(policy)) {
            throw new WorldException("DuplicatePolicyAttachmentException", "`" + policy.name()
                    + "` is already attached to " + label(target), "A similar policy is already attached.", null);
        }
        list.add(policy);
    }

    public void detach(ControlPolicy policy, Object target) {
        checkTarget(target);
        List<ControlPolicy> list = attachments.getOrDefault(target, List.of());
        if (!list.contains(policy)) {
            throw new WorldException("PolicyNotAttachedException", "`" + policy.name() + "` is not attached to "
                    + label(target), "The policy isn't attached to the specified target in the specified root.",
                    Hints.didYouMean(policy.name(), list.stream().map(ControlPolicy::name).toList()));
        }
        list.remove(policy);
    }

    /** The control policies attached to {@code target}. */
    public List<ControlPolicy> attached(Object target) {
        return Collections.unmodifiableList(attachments.getOrDefault(target, List.of()));
    }

    private static void checkTarget(Object target) {
        if (!(target instanceof OrgUnit) && !(target instanceof Account)) {
            throw new IllegalArgumentException("control policies attach to the root, OUs and accounts");
        }
    }

    private static String label(Object target) {
        return target instanceof Account a ? "account " + a.id() : ((OrgUnit) target).label();
    }

    /** The levels from the root to {@code account}. */
    private List<Object> path(Account account) {
        List<Object> path = new ArrayList<>();
        path.add(account);
        for (OrgUnit u = account.parent().orElseThrow(); u != null; u = u.parent().orElse(null)) {
            path.add(0, u);
        }
        return path;
    }

    /** {@code aws:PrincipalOrgPaths} / {@code aws:ResourceOrgPaths}: {@code o-.../r-.../ou-.../}. */
    public String orgPath(Account account) {
        StringBuilder out = new StringBuilder(id).append('/');
        for (Object level : path(account)) {
            if (level instanceof OrgUnit u) {
                out.append(u.id()).append('/');
            }
        }
        return out.toString();
    }

    /**
     * The control policies of {@code kind} on the path to {@code account}, one level each, root first; {@code null}
     * for the management account, which they do not govern.
     */
    public List<OrganizationLevel> levels(Account account, PolicyKind kind) {
        if (account == management || account.parent().isEmpty()) {
            return null;
        }
        List<OrganizationLevel> levels = new ArrayList<>();
        for (Object level : path(account)) {
            String name = label(level);
            List<AttachedPolicy> policies = new ArrayList<>();
            for (ControlPolicy p : attached(level)) {
                if (p.kind() == kind) {
                    policies.add(new AttachedPolicy(new PolicyRef(kind, p.name(), name), p.text().compiled(kind)));
                }
            }
            levels.add(new OrganizationLevel(name, policies));
        }
        return levels;
    }

    @Override
    public String toString() {
        return id;
    }
}
