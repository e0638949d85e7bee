package org.iamlab.engine.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.catalog.ManagedPolicy;
import org.iamlab.engine.catalog.ManagedPolicyCatalog;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.Decision;

/**
 * An AWS world: accounts (optionally in an organization), everything in them, the STS sessions handed out, and
 * a clock that stands still until moved. Ask it whether a caller may do something ({@link #explain},
 * {@link #decide}), who may do something ({@link #whoCan}) and what a caller may do ({@link #whatCan}); the
 * answers come from the evaluator, fed with the policies and context the world gathers for each request.
 *
 * <p>A world is mutable and not thread-safe: build it, then ask it questions, from one thread at a time. A
 * {@link #snapshot} puts it back as it was; {@link #cells} tracks which notebook cell defined what.
 */
public final class World {

    /** The account a world built only from {@code aws} commands lives in. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private final WorldClock clock;
    private final Ids ids = new Ids();
    private final Authorizer authorizer;
    private final Requests requests = new Requests(this);
    private final Sts sts = new Sts(this);
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Policy> awsPolicies = new HashMap<>();
    private final Map<String, Resource> resourceIndex = new HashMap<>();
    private final Map<String, AccessKey> accessKeys = new HashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Object> defaultContext = new LinkedHashMap<>();
    private Organization organization;
    private final Cells cells = new Cells(this);

    /** A world whose clock starts at {@link WorldClock#DEFAULT_START}. */
    public World() {
        this(WorldClock.DEFAULT_START);
    }

    public World(Instant start) {
        this.clock = new WorldClock(start);
        this.authorizer = new Authorizer(clock);
    }

    public WorldClock clock() {
        return clock;
    }

    Ids ids() {
        return ids;
    }

    Authorizer authorizer() {
        return authorizer;
    }

    Requests requests() {
        return requests;
    }

    /** The notebook cells that built the world: what each defined, for re-running and undoing cells. */
    public Cells cells() {
        return cells;
    }

    /** The world's state now, to {@link #restore} later. */
    public WorldSnapshot snapshot() {
        return new WorldSnapshot(this);
    }

    /**
     * Puts the world back as it was at {@code snapshot}, in place: the objects that existed then are the same
     * objects again, with their state of that moment; objects made since are gone.
     */
    public void restore(WorldSnapshot snapshot) {
        if (snapshot.world() != this) {
            throw new IllegalArgumentException("a snapshot of another world");
        }
        snapshot.restore();
    }

    /** The security token service, for assuming roles. */
    public Sts sts() {
        return sts;
    }

    // Accounts and the organization

    /** Creates an account; {@code alias} may be {@code null}. */
    public Account createAccount(String id, String alias) {
        Names.accountId(id);
        if (accounts.containsKey(id)) {
            throw WorldException.alreadyExists("account", id, "in the world", "Account " + id + " already exists.");
        }
        Account account = new Account(this, id, null);
        if (alias != null) {
            account.alias(alias);
        }
        accounts.put(id, account);
        return account;
    }

    /** The account a customer managed policy belongs to: the one its ARN names. */
    public Account accountOf(Policy policy) {
        if (policy.awsManaged()) {
            throw new IllegalArgumentException("`" + policy.name() + "` is AWS managed and belongs to no account");
        }
        return account(policy.arn().split(":")[4]); // arn:aws:iam::111122223333:policy/path/Name
    }

    /** The account with this ID (or alias). */
    public Account account(String idOrAlias) {
        return findAccount(idOrAlias).orElseThrow(() -> {
            List<String> known = new ArrayList<>(accounts.keySet());
            accounts.values().forEach(a -> a.alias().ifPresent(known::add));
            return WorldException.noSuchEntity("account", idOrAlias, "in the world", known,
                    "Account " + idOrAlias + " does not exist.");
        });
    }

    public Optional<Account> findAccount(String idOrAlias) {
        Account a = accounts.get(idOrAlias);
        if (a != null) {
            return Optional.of(a);
        }
        return accounts.values().stream().filter(x -> x.alias().map(idOrAlias::equals).orElse(false)).findFirst();
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    /** The first account created, or account {@value #DEFAULT_ACCOUNT}, created now, when there is none. */
    public Account defaultAccount() {
        if (accounts.isEmpty()) {
            return createAccount(DEFAULT_ACCOUNT, null);
        }
        return accounts.values().iterator().next();
    }

    /** Creates the organization, managed from {@code management}. */
    public Organization createOrganization(Account management) {
        if (organization != null) {
            throw WorldException.alreadyExists("organization", organization.id(), "in the world",
                    "The AWS account is already a member of an organization.");
        }
        organization = new Organization(this, management);
        return organization;
    }

    public Optional<Organization> organization() {
        return Optional.ofNullable(organization);
    }

    // Policies, resources and credentials

    /** The AWS managed policy with this name or ARN, shared by every account of the world. */
    public Policy awsPolicy(String nameOrArn) {
        ManagedPolicy m;
        try {
            m = ManagedPolicyCatalog.aws().get(nameOrArn);
        } catch (IllegalArgumentException e) {
            String key = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
            throw new WorldException("NoSuchEntity", "`" + nameOrArn + "` is not an AWS managed policy",
                    "Policy " + (nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:iam::aws:policy/" + nameOrArn)
                            + " does not exist or is not attachable.",
                    Hints.didYouMean(key, ManagedPolicyCatalog.aws().all().stream().map(ManagedPolicy::name).toList()));
        }
        return awsPolicies.computeIfAbsent(m.arn(), arn -> new Policy(m.name(), m.path(), m.arn(),
                "ANPA" + Integer.toHexString(m.name().hashCode()).toUpperCase(java.util.Locale.ROOT), true,
                PolicyText.parseAwsManaged(m.documentJson()), WorldClock.DEFAULT_START, null,
                versionNumber(m.versionId())));
    }

    /** The number of a version ID ({@code v7} is 7); 1 for a catalogue entry without one. */
    private static int versionNumber(String versionId) {
        return versionId != null && versionId.matches("v\\d+") ? Integer.parseInt(versionId.substring(1)) : 1;
    }

    void indexResource(Resource r) {
        for (String key : r.ownerKeys()) {
            resourceIndex.put(key, r);
        }
    }

    /** The world's resource that {@code arn} is, or is part of (an object of a bucket, a route of an API, ...). */
    public Optional<Resource> resourceFor(String arn) {
        return Arn.parse(arn).flatMap(this::resourceFor);
    }

    Optional<Resource> resourceFor(Arn arn) {
        String key = ResourceType.ownerKey(arn);
        return key == null ? Optional.empty() : Optional.ofNullable(resourceIndex.get(key));
    }

    Optional<Resource> findBucket(String name) {
        return Optional.ofNullable(resourceIndex.get(ResourceType.key("s3", "", name)));
    }

    Optional<Instance> findInstance(String id) {
        return accounts.values().stream().map(a -> a.findInstance(id)).flatMap(Optional::stream).findFirst();
    }

    /** The EC2 instance with this ID, in any account. */
    public Instance instance(String id) {
        return findInstance(id).orElseThrow(() -> new WorldException("InvalidInstanceID.NotFound",
                "no EC2 instance `" + id + "` in the world", "The instance ID '" + id + "' does not exist",
                Hints.didYouMean(id, accounts.values().stream().flatMap(a -> a.instances().stream())
                        .map(Instance::id).toList())));
    }

    void registerAccessKey(AccessKey key) {
        accessKeys.put(key.id(), key);
    }

    void unregisterAccessKey(AccessKey key) {
        accessKeys.remove(key.id());
    }

    void registerSession(Session session) {
        session.credentials().ifPresent(c -> sessions.put(c.accessKeyId(), session));
    }

    /** The sessions STS has handed out, oldest first. */
    public Collection<Session> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    /**
     * Who signs with access key {@code accessKeyId}: the user of an active long-term key, or the session of
     * temporary credentials.
     */
    public Actor callerFor(String accessKeyId) {
        AccessKey key = accessKeys.get(accessKeyId);
        if (key != null) {
            if (key.status() != AccessKey.Status.Active) {
                throw new WorldException("InvalidClientTokenId", "access key `" + accessKeyId + "` is inactive",
                        "The security token included in the request is invalid.", "activate it, or use another key");
            }
            return key.user();
        }
        Session s = sessions.get(accessKeyId);
        if (s != null) {
            return s;
        }
        throw new WorldException("InvalidClientTokenId", "no access key `" + accessKeyId + "` in the world",
                "The security token included in the request is invalid.", null);
    }

    /**
     * The caller a principal string names: an IAM user, role or account-root ARN (or a bare account ID), a
     * session ARN of a session STS handed out, a service principal, or {@code anonymous}.
     */
    public Actor actor(String principal) {
        Principal p;
        try {
            p = Principal.parse(principal);
        } catch (IllegalArgumentException e) {
            throw WorldException.invalid(e.getMessage(), null);
        }
        if (p instanceof Principal.User u) {
            return accountOf(u.account(), principal).user(u.name());
        }
        if (p instanceof Principal.Role r) {
            return accountOf(r.account(), principal).role(r.name());
        }
        if (p instanceof Principal.AccountRoot root) {
            return accountOf(root.account(), principal).root();
        }
        if (p instanceof Principal.RoleSession) {
            List<Session> matching = sessions.values().stream().filter(s -> s.arn().equals(principal)).toList();
            if (matching.isEmpty()) {
                throw WorldException.noSuchEntity("session", principal, "handed out by STS", sessions.values().stream()
                        .map(Session::arn).toList(), "The session " + principal + " does not exist.");
            }
            return matching.get(matching.size() - 1);
        }
        if (p instanceof Principal.Service s) {
            return new Actor.ServiceCaller(s.text(), null, null);
        }
        if (p instanceof Principal.Anonymous) {
            return new Actor.Anonymous();
        }
        if (p instanceof Principal.IdentityProvider ip) {
            return new Actor.Federated(ip.text());
        }
        throw WorldException.invalid("`" + principal + "` cannot make requests in IAM Lab's world",
                "use a user, role or session ARN, a service principal, or anonymous");
    }

    private Account accountOf(String id, String principal) {
        return findAccount(id).orElseThrow(() -> WorldException.noSuchEntity("account", id,
                "in the world (from `" + principal + "`)", accounts.keySet(), "Account " + id + " does not exist."));
    }

    /** Context values added to every request (e.g. {@code aws:SourceIp}), under each request's own values. */
    public Map<String, Object> defaultContext() {
        return defaultContext;
    }

    // Questions

    /** The request as the evaluator gets it: every applicable policy, and the filled context. */
    public AuthorizationRequest request(Actor caller, String action, String resource, Map<String, ?> context) {
        return requests.assemble(caller, action, resource, context);
    }

    /** The identity-based policies of {@code caller}, named as traces name them. */
    public List<PolicySource> policySources(Actor caller) {
        return Requests.sources(caller);
    }

    /** The decision with its trace. {@code context} holds the learner's values over the world's (may be null). */
    public Answer explain(Actor caller, String action, String resource, Map<String, ?> context) {
        AuthorizationRequest request = request(caller, action, resource, context);
        return Answer.of(request, authorizer.authorize(request, true));
    }

    /** The decision alone. */
    public Decision decide(Actor caller, String action, String resource, Map<String, ?> context) {
        return authorizer.decide(request(caller, action, resource, context));
    }

    /** Every user and role of the world, then services and anonymous callers, asked about one request. */
    public WhoCan whoCan(String action, String resource, Map<String, ?> context) {
        return new Questions(this).whoCan(action, resource, context);
    }

    /** The caller's effective permissions, grouped by service. */
    public WhatCan whatCan(Actor caller) {
        return new Questions(this).whatCan(caller);
    }
}
