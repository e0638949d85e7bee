package org.iamlab.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Durations;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.InstanceProfile;
import org.iamlab.engine.world.Organization;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.Sts;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.WhatCan;
import org.iamlab.engine.world.WhoCan;
import org.iamlab.engine.world.World;
import org.iamlab.engine.world.WorldClock;
import org.iamlab.engine.world.WorldExport;

/**
 * The top level of a script: build the world ({@code organization}, {@code account}, and {@code user},
 * {@code role}, ... in the default account), look things up ({@code user('alice')}), ask questions
 * ({@code explain}, {@code can}, {@code whoCan}, {@code whatCan}), assume roles, move the clock, and run
 * {@code aws} commands.
 */
public abstract class IamScript extends Script implements ResourceLookups {

    private Lab lab;

    void lab(Lab l) {
        this.lab = l;
    }

    private Lab lab() {
        if (lab == null) {
            throw new IllegalStateException("run scripts through Lab");
        }
        return lab;
    }

    private World w() {
        return lab().world();
    }

    /**
     * A name that is no variable but a user's or role's name stands for that user or role, so that
     * {@code explain alice, 's3:GetObject', ...} works right after {@code user('alice') { }}. A variable of the
     * same name wins; a name several principals share asks for {@code user('...')} or {@code role('...')}.
     */
    @Override
    public Object getProperty(String property) {
        try {
            return super.getProperty(property);
        } catch (MissingPropertyException missing) {
            if (!isPrincipalName(property)) {
                throw missing;
            }
            return Refs.actor(w(), property);
        }
    }

    private boolean isPrincipalName(String name) {
        return w().accounts().stream().anyMatch(a -> a.findUser(name).isPresent() || a.findRole(name).isPresent());
    }

    /** The world the script builds. */
    public World getWorld() {
        return w();
    }

    // Building

    /** An account (created when new), and its block; {@code alias:} names it. */
    public Account account(Map<String, ?> opts, String id,
                           @DelegatesTo(value = Specs.AccountSpec.class, strategy = Closure.DELEGATE_FIRST)
                           Closure<?> block) {
        NamedArgs.check(opts, "account", "alias");
        Account a = w().findAccount(id).orElseGet(() -> w().createAccount(id, null));
        if (opts != null && opts.get("alias") != null) {
            a.alias(opts.get("alias").toString());
        }
        Specs.configure(new Specs.AccountSpec(lab(), a), block);
        lab().flush();
        return a;
    }

    public Account account(String id, @DelegatesTo(value = Specs.AccountSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return account(null, id, block);
    }

    public Account account(Map<String, ?> opts, String id) {
        return account(opts, id, null);
    }

    /** The account with this ID or alias (created when new and the argument is an ID). */
    public Account account(String idOrAlias) {
        if (idOrAlias.matches("\\d+")) {
            return account(null, idOrAlias, null);
        }
        return w().account(idOrAlias);
    }

    /** The organization, managed from account {@code managementAccountId}, and its block. */
    public Organization organization(String managementAccountId,
                                     @DelegatesTo(value = Specs.OrgSpec.class, strategy = Closure.DELEGATE_FIRST)
                                     Closure<?> block) {
        Account management = w().findAccount(managementAccountId)
                .orElseGet(() -> w().createAccount(managementAccountId, null));
        Organization org = w().organization().orElseGet(() -> w().createOrganization(management));
        if (org.management() != management) {
            throw new DslException("the organization is managed from account " + org.management().id()
                    + ", not " + managementAccountId);
        }
        Specs.configure(new Specs.OrgSpec(lab(), org, org.root()), block);
        lab().flush();
        return org;
    }

    /** The organization (its {@code id} is {@code aws:PrincipalOrgID}). */
    public Organization getOrg() {
        return w().organization().orElseThrow(() -> new DslException("there is no organization; create one with"
                + " organization('MANAGEMENT-ACCOUNT-ID') { ... }"));
    }

    private Specs.AccountSpec defaultAccountSpec() {
        return new Specs.AccountSpec(lab(), w().defaultAccount());
    }

    private <T> T inDefaultAccount(Function<Specs.AccountSpec, T> build) {
        T value = build.apply(defaultAccountSpec());
        lab().flush();
        return value;
    }

    /** Creates a user in the default account (the first account, or 123456789012). */
    public User user(Map<String, ?> opts, String name, @DelegatesTo(value = Specs.UserSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return inDefaultAccount(a -> a.user(opts, name, block));
    }

    public User user(String name, @DelegatesTo(value = Specs.UserSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return user(null, name, block);
    }

    /**
     * The user called {@code name} (in any account; a user ARN works too). Inside a policy's block the block's
     * own {@link PolicySpec#user} answers, which also takes a user defined further down.
     */
    public User user(String name) {
        return find("user", name, (a, n) -> a.findUser(n).orElse(null));
    }

    public Group group(String name, @DelegatesTo(value = Specs.GroupSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return group(null, name, block);
    }

    public Group group(Map<String, ?> opts, String name, @DelegatesTo(value = Specs.GroupSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return inDefaultAccount(a -> a.group(opts, name, block));
    }

    public Group group(String name) {
        return find("group", name, (a, n) -> a.findGroup(n).orElse(null));
    }

    public Role role(Map<String, ?> opts, String name, @DelegatesTo(value = Specs.RoleSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return inDefaultAccount(a -> a.role(opts, name, block));
    }

    public Role role(String name, @DelegatesTo(value = Specs.RoleSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return role(null, name, block);
    }

    /**
     * The role called {@code name} (in any account; a role ARN works too). Inside a policy's block the block's
     * own {@link PolicySpec#role} answers, which also takes a role defined further down.
     */
    public Role role(String name) {
        return find("role", name, (a, n) -> a.findRole(n).orElse(null));
    }

    /** A customer managed policy in the default account. */
    public Policy policy(String name, @DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST)
            Closure<?> statements) {
        return inDefaultAccount(a -> a.policy(null, name, statements));
    }

    public Policy policy(String name, Object document) {
        return inDefaultAccount(a -> a.policy(null, name, document));
    }

    /** A managed policy by name or ARN: a customer managed one of any account, or an AWS managed one. */
    public Policy policy(String nameOrArn) {
        for (Account a : w().accounts()) {
            if (a.findCustomerPolicy(nameOrArn).isPresent()) {
                return a.findCustomerPolicy(nameOrArn).get();
            }
        }
        return w().defaultAccount().policy(nameOrArn);
    }

    /** A policy document to pass around: a block of statements, a map, JSON text or a file. */
    public PolicyText document(@DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST)
            Closure<?> statements) {
        return Refs.policy(lab(), statements, PolicyKind.IDENTITY, "document", null);
    }

    /** A file, read relative to the script's directory. */
    public File file(String path) {
        File f = new File(path);
        return f.isAbsolute() ? f : lab().baseDir().resolve(path).toFile();
    }

    private <T> T find(String kind, String nameOrArn, java.util.function.BiFunction<Account, String, T> finder) {
        return new Lookups(w()).find(kind, nameOrArn, finder);
    }

    @Override
    public Resource resourceNamed(ResourceType type, String name) {
        return new Lookups(w()).resource(type, name);
    }

    public Resource bucket(String name, @DelegatesTo(value = Specs.ResourceSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return bucket(null, name, block);
    }

    /** A bucket in the default account: {@code bucket 'logs', region: 'eu-west-1'}, with or without a block. */
    public Resource bucket(Map<String, ?> opts, String name, @DelegatesTo(value = Specs.ResourceSpec.class,
            strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return inDefaultAccount(a -> a.bucket(opts, name, block));
    }

    public Resource bucket(Map<String, ?> opts, String name) {
        return bucket(opts, name, null);
    }

    /** The EC2 instance with this ID. */
    public Instance instance(String id) {
        return w().instance(id);
    }

    /** The instance profile called {@code name}. */
    public InstanceProfile instanceProfile(String name) {
        return find("instance profile", name, (a, n) -> a.instanceProfiles().stream()
                .filter(p -> p.name().equals(n)).findFirst().orElse(null));
    }

    /** An AWS service as a caller, e.g. {@code service('apigateway.amazonaws.com')}. */
    public Actor service(String servicePrincipal) {
        return new Actor.ServiceCaller(servicePrincipal, null, null);
    }

    /** An AWS service acting for a resource: {@code service('s3.amazonaws.com', sourceArn: ..., sourceAccount: ...)}. */
    public Actor service(Map<String, ?> opts, String servicePrincipal) {
        NamedArgs.check(opts, "service", "sourceArn", "sourceAccount");
        Object arn = opts.get("sourceArn");
        Object account = opts.get("sourceAccount");
        return new Actor.ServiceCaller(servicePrincipal, arn == null ? null : Refs.arnOf(arn),
                account == null ? null : Refs.arnOf(account));
    }

    /** An unauthenticated caller. */
    public Actor anonymous() {
        return new Actor.Anonymous();
    }

    // Questions

    /** The decision with its trace; the trace is shown. */
    public Answer explain(Object who, String action, Object resource, Map<String, ?> context) {
        Answer a = w().explain(Refs.actor(w(), who), action, requestResource(resource), context);
        lab().show(a);
        return a;
    }

    public Answer explain(Object who, String action, Object resource) {
        return explain(who, action, resource, null);
    }

    /** {@code explain(alice, 's3:GetObject', arn, 'aws:SourceIp': '203.0.113.7')}: context as named arguments. */
    public Answer explain(Map<String, ?> context, Object who, String action, Object resource) {
        return explain(who, action, resource, context);
    }

    /** Whether the request is allowed (nothing is shown). */
    public boolean can(Object who, String action, Object resource, Map<String, ?> context) {
        return w().decide(Refs.actor(w(), who), action, requestResource(resource), context)
                == org.iamlab.engine.trace.Decision.ALLOWED;
    }

    public boolean can(Object who, String action, Object resource) {
        return can(who, action, resource, null);
    }

    public boolean can(Map<String, ?> context, Object who, String action, Object resource) {
        return can(who, action, resource, context);
    }

    /** The ARN of a request's resource; text that is no ARN is evaluated as AWS would, with a warning. */
    private String requestResource(Object resource) {
        String arn = Refs.arnOf(resource);
        if (!arn.equals("*") && !org.iamlab.engine.arn.ArnPattern.isArnShaped(arn)) {
            lab().warn(lab().currentLine(), "`" + arn + "` is not an ARN, so only `*` in a policy matches it; name the"
                    + " resource by its ARN, e.g. `arn:aws:s3:::" + arn + "` or bucket('" + arn + "')");
        }
        return arn;
    }

    /** Every principal of the world asked about one request; the allowed ones are shown. */
    public WhoCan whoCan(String action, Object resource, Map<String, ?> context) {
        WhoCan answer = w().whoCan(action, Refs.arnOf(resource), context);
        lab().show(answer);
        return answer;
    }

    public WhoCan whoCan(String action, Object resource) {
        return whoCan(action, resource, null);
    }

    /** A caller's effective permissions by service; shown. */
    public WhatCan whatCan(Object who) {
        WhatCan answer = w().whatCan(Refs.actor(w(), who));
        lab().show(answer);
        return answer;
    }

    /** Shows any value (a policy, a session, the world's JSON, ...). */
    public void show(Object value) {
        lab().show(value);
    }

    // STS

    /**
     * {@code sts:AssumeRole}: {@code assumeRole(user('alice'), role('deployer'), sessionName: 'alice',
     * duration: '1h', externalId: '...', tags: [team: 'blue'], sourceIdentity: 'alice', mfa: true,
     * policy: { ... })}. Refused assumptions stop the script with the trust decision's reason.
     */
    public Session assumeRole(Map<String, ?> opts, Object who, Object role) {
        NamedArgs.check(opts, "assumeRole", "sessionName", "duration", "externalId", "tags", "sourceIdentity", "mfa",
                "policy", "context");
        Actor caller = Refs.actor(w(), who);
        Role target = role instanceof Role r ? r : role(Refs.arnOf(role));
        Map<String, ?> o = opts == null ? Map.of() : opts;
        String sessionName = o.get("sessionName") != null ? o.get("sessionName").toString() : defaultSessionName(caller);
        return w().sts().assumeRole(caller, target, sessionName, options(o)).session();
    }

    public Session assumeRole(Object who, Object role) {
        return assumeRole(null, who, role);
    }

    /**
     * {@code sts:AssumeRoleWithWebIdentity}: {@code assumeRoleWithWebIdentity(role('ci'), token: [iss: ..., aud:
     * ..., sub: ...], sessionName: 'build-42')}.
     */
    public Session assumeRoleWithWebIdentity(Map<String, ?> opts, Object role) {
        NamedArgs.check(opts, "assumeRoleWithWebIdentity", "token", "sessionName", "duration", "tags",
                "sourceIdentity", "policy", "context");
        Role target = role instanceof Role r ? r : role(Refs.arnOf(role));
        Object token = opts.get("token");
        if (!(token instanceof Map<?, ?> claims)) {
            throw new DslException("assumeRoleWithWebIdentity needs token: [iss: ..., aud: ..., sub: ...]");
        }
        Map<String, Object> c = new LinkedHashMap<>();
        claims.forEach((k, v) -> c.put(k.toString(), Json.normalize(v)));
        String sessionName = opts.get("sessionName") != null ? opts.get("sessionName").toString() : "web-identity";
        return w().sts().assumeRoleWithWebIdentity(target, sessionName, c, options(opts)).session();
    }

    /**
     * {@code sts:AssumeRoleWithSAML}: {@code assumeRoleWithSaml(role('admins'), provider: 'Okta', subject:
     * 'jane@example.com', attributes: [...])}.
     */
    public Session assumeRoleWithSaml(Map<String, ?> opts, Object role) {
        NamedArgs.check(opts, "assumeRoleWithSaml", "provider", "subject", "attributes", "sessionName", "duration",
                "tags", "sourceIdentity", "policy", "context");
        Role target = role instanceof Role r ? r : role(Refs.arnOf(role));
        Object provider = opts.get("provider");
        if (provider == null || opts.get("subject") == null) {
            throw new DslException("assumeRoleWithSaml needs provider: 'NAME' and subject: 'user@example.com'");
        }
        String subject = opts.get("subject").toString();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (opts.get("attributes") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> attributes.put(k.toString(), Json.normalize(v)));
        }
        String sessionName = opts.get("sessionName") != null ? opts.get("sessionName").toString() : subject;
        return w().sts().assumeRoleWithSaml(target, target.account().samlProvider(Refs.arnOf(provider)), subject,
                attributes, sessionName, options(opts)).session();
    }

    private static String defaultSessionName(Actor caller) {
        if (caller instanceof User u) {
            return u.name();
        }
        if (caller instanceof Session s) {
            return s.name();
        }
        return "session";
    }

    private Sts.Options options(Map<String, ?> o) {
        Sts.Options options = new Sts.Options();
        if (o.get("duration") != null) {
            Object d = o.get("duration");
            options.duration(d instanceof Number n ? Duration.ofSeconds(n.longValue()) : Durations.parse(d.toString()));
        }
        if (o.get("externalId") != null) {
            options.externalId(o.get("externalId").toString());
        }
        if (o.get("sourceIdentity") != null) {
            options.sourceIdentity(o.get("sourceIdentity").toString());
        }
        if (Boolean.TRUE.equals(o.get("mfa"))) {
            options.mfa(true);
        }
        if (o.get("tags") instanceof Map<?, ?> tags) {
            tags.forEach((k, v) -> options.tag(k.toString(), Refs.arnOf(v)));
        }
        if (o.get("policy") != null) {
            options.sessionPolicy(Refs.policy(lab(), o.get("policy"), PolicyKind.SESSION, "session policy", null));
        }
        if (o.get("context") instanceof Map<?, ?> ctx) {
            ctx.forEach((k, v) -> options.context(k.toString(), Json.normalize(v)));
        }
        return options;
    }

    // Time and defaults

    /** The world's clock ({@code clock.instant()}). */
    public WorldClock getClock() {
        return w().clock();
    }

    /** Moves the world's clock forward: {@code advanceClock '2h'}. */
    public Instant advanceClock(Object duration) {
        w().clock().advance(duration instanceof Duration d ? d : duration instanceof Number n
                ? Duration.ofSeconds(n.longValue()) : Durations.parse(duration.toString()));
        return w().clock().instant();
    }

    /** Sets the world's clock: {@code setClock '2026-03-01T12:00:00Z'}. */
    public Instant setClock(String isoInstant) {
        try {
            w().clock().set(Instant.parse(isoInstant));
        } catch (java.time.format.DateTimeParseException e) {
            throw new DslException("`" + isoInstant + "` is not a time; write it like 2026-03-01T12:00:00Z");
        }
        return w().clock().instant();
    }

    /** Context values every request gets unless it gives its own: {@code defaults 'aws:SourceIp': '...'}. */
    public void defaults(Map<String, ?> context) {
        context.forEach((k, v) -> w().defaultContext().put(k, Json.normalize(v)));
    }

    // Export

    /** The whole world as AWS JSON (per account, the shape of {@code get-account-authorization-details}). */
    public String export() {
        return WorldExport.json(w());
    }

    /** One policy as AWS JSON: a managed policy, a role's trust policy, a resource's policy, or a document. */
    public String export(Object policy) {
        if (policy instanceof Policy p) {
            return p.text().json();
        }
        if (policy instanceof Role r) {
            return r.trustPolicy().json();
        }
        if (policy instanceof Resource r) {
            return r.policy().map(PolicyText::json).orElseThrow(() -> new DslException(r.type().description()
                    + " `" + r.name() + "` has no resource-based policy"));
        }
        if (policy instanceof PolicyText t) {
            return PolicyWriter.write(t.document(), true);
        }
        return Refs.policy(lab(), policy, PolicyKind.IDENTITY, "document", null).json();
    }

    // The aws command subset

    /** Runs {@code aws ...} command lines as the course prints them; shows each output; returns the last. */
    public Object aws(String commands) {
        return aws(null, commands);
    }

    /**
     * {@code aws(mayFail: true, '''...''')} shows an error as the CLI prints it and goes on instead of stopping
     * the script.
     */
    public Object aws(Map<String, ?> opts, String commands) {
        NamedArgs.check(opts, "aws", "mayFail");
        boolean mayFail = opts != null && Boolean.TRUE.equals(opts.get("mayFail"));
        int line = lab().currentLine();
        try {
            return lab().aws().run(commands, lab().awsCaller(), lab()::show, mayFail);
        } catch (org.iamlab.dsl.aws.AwsCliException e) {
            throw new Located(line > 0 && e.line() > 0 ? line + e.line() - 1 : line, e);
        }
    }

    /** Runs {@code block} (e.g. {@code aws} commands) as {@code who}: a user, a session, a role's name. */
    public Object actingAs(Object who, Closure<?> block) {
        Actor previous = lab().explicitAwsCaller();
        lab().awsCaller(Refs.actor(w(), who));
        try {
            return block.call();
        } finally {
            lab().awsCaller(previous);
        }
    }

    // Changing what exists

    /**
     * Changes an existing user, group, role, resource, account or the organization with the commands of its own
     * block: {@code edit(group('developers')) { attach 'ReadLogs' }}, {@code edit(role('deployer')) { trust { ...
     * } }} (a new trust policy), {@code edit(bucket('logs')) { policy { ... } }} (a new bucket policy).
     */
    public Object edit(Object target, @DelegatesTo(strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        Object spec = Specs.editing(lab(), target);
        Specs.finishEdit(spec, target, block);
        lab().flush();
        return target;
    }

    // Exercises (answered by the lessons module through the lab's hook)

    /** Shows an exercise: its title, prompt and how to answer it. */
    public Object exercise(String id) {
        return shown(lab().coursework().exercise(lab(), id));
    }

    /** Checks the learner's work on an exercise and shows each check as passed or failed, and the hint. */
    public Object check(String id) {
        return shown(lab().coursework().check(lab(), id));
    }

    /** Answers a decision or multiple-choice exercise ({@code 'Allowed'}, {@code 'B'}, {@code ['A', 'C']}). */
    public Object answer(String id, Object choice) {
        return shown(lab().coursework().answer(lab(), id, choice));
    }

    private Object shown(Object value) {
        lab().show(value);
        return value;
    }
}
