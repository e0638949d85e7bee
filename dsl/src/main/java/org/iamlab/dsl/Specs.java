package org.iamlab.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.ControlPolicy;
import org.iamlab.engine.world.Durations;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.InstanceProfile;
import org.iamlab.engine.world.OidcProvider;
import org.iamlab.engine.world.Organization;
import org.iamlab.engine.world.OrgUnit;
import org.iamlab.engine.world.PassRole;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.SamlProvider;
import org.iamlab.engine.world.User;

/**
 * The delegates of the builder's blocks. Each block runs with its spec as delegate ({@code DELEGATE_FIRST}), so
 * {@code user 'alice'} inside {@code account { }} means {@link AccountSpec#user}. References to other
 * entities ({@code groups 'devs'}, {@code attach 'ReadLogs'}) are resolved when the top-level block ends, so
 * they may name entities defined further down.
 */
public final class Specs {

    private Specs() {
    }

    /** Runs {@code block} with {@code spec} as its delegate (a clone, as Groovy builders do) and returns the spec. */
    static <T> T configure(T spec, Closure<?> block) {
        if (block == null) {
            return spec;
        }
        Closure<?> c = (Closure<?>) block.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(spec);
        c.call(spec);
        return spec;
    }

    private static String str(Map<String, ?> opts, String key) {
        Object v = opts == null ? null : opts.get(key);
        return v == null ? null : v.toString();
    }

    /** What users, groups and roles share: attached, inline and tagged. */
    public abstract static class HolderSpec {
        final Lab lab;
        final Account account;

        HolderSpec(Lab lab, Account account) {
            this.lab = lab;
            this.account = account;
        }

        abstract PolicyHolder holder();

        /** Attaches managed policies: customer managed ones of the account by name, or AWS managed by name/ARN. */
        public void attach(Object... policies) {
            for (String name : PolicySpec.flatten(policies)) {
                lab.later(() -> holder().attach(account.policy(name)));
            }
        }

        /** Detaches managed policies attached before: {@code edit(group('developers')) { detach 'ReadLogs' }}. */
        public void detach(Object... policies) {
            for (String name : PolicySpec.flatten(policies)) {
                lab.later(() -> holder().detach(account.policy(name))); // after the attachments written before it
            }
        }

        /** An inline policy: a block of statements, a map, JSON text or {@code file('...')}. */
        public void inline(String name, Object policy) {
            holder().putInline(new InlinePolicy(name, Refs.policy(lab, policy, PolicyKind.IDENTITY, name, null)));
        }

        /** An inline policy written as a block of statements. */
        public void inline(String name, @DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> statements) {
            inline(name, (Object) statements);
        }

        public void tag(String key, Object value) {
            holder().tag(key, Refs.arnOf(value));
        }

        public void tags(Map<String, ?> tags) {
            tags.forEach(this::tag);
        }
    }

    /** The block of {@code user('alice') { ... }}. */
    public static final class UserSpec extends HolderSpec {
        private final User user;

        UserSpec(Lab lab, User user) {
            super(lab, user.account());
            this.user = user;
        }

        @Override
        PolicyHolder holder() {
            return user;
        }

        /** Puts the user in groups of the account. */
        public void groups(Object... groups) {
            for (String g : PolicySpec.flatten(groups)) {
                lab.later(() -> account.group(g).add(user));
            }
        }

        /** The same as {@link #groups}. */
        public void memberOf(Object... groups) {
            groups(groups);
        }

        /** Creates an access key (a user has at most two); returns the key with its secret. */
        public User.NewAccessKey accessKey() {
            return user.createAccessKey();
        }

        /** Creates an access key with a status ({@code Active} or {@code Inactive}). */
        public User.NewAccessKey accessKey(Map<String, ?> opts) {
            NamedArgs.check(opts, "accessKey", "status");
            User.NewAccessKey k = user.createAccessKey();
            String status = str(opts, "status");
            if (status != null) {
                k.key().status(org.iamlab.engine.world.AccessKey.Status.valueOf(
                        Character.toUpperCase(status.charAt(0)) + status.substring(1).toLowerCase()));
            }
            return k;
        }

        /** A console password (only the fact is kept). */
        public void password(String password) {
            user.createLoginProfile(password, false);
        }

        /** A virtual MFA device. */
        public void mfa() {
            user.enableMfa();
        }

        /** The permissions boundary: a managed policy by name or ARN. */
        public void boundary(Object policy) {
            String name = Refs.arnOf(policy);
            lab.later(() -> user.permissionsBoundary(account.policy(name)));
        }
    }

    /** The block of {@code group('devs') { ... }}. */
    public static final class GroupSpec extends HolderSpec {
        private final Group group;

        GroupSpec(Lab lab, Group group) {
            super(lab, group.account());
            this.group = group;
        }

        @Override
        PolicyHolder holder() {
            return group;
        }

        /** Adds users of the account. */
        public void members(Object... users) {
            for (String u : PolicySpec.flatten(users)) {
                lab.later(() -> group.add(account.user(u)));
            }
        }

        /** IAM groups cannot contain groups: this explains so. */
        public void group(Object name, Object... ignored) {
            throw new DslException("group `" + Refs.arnOf(name) + "` cannot go inside group `" + group.name()
                    + "`: IAM groups contain users only, never groups; define it beside `" + group.name()
                    + "` and put the users in both");
        }
    }

    /** The block of {@code role('deployer') { ... }}. */
    public static final class RoleSpec extends HolderSpec {
        private final String name;
        private final String path;
        private final List<Map<String, Object>> trust = new ArrayList<>();
        private Object trustDocument;
        private Role role;
        private final List<Runnable> pending = new ArrayList<>();

        RoleSpec(Lab lab, Account account, String name, String path) {
            super(lab, account);
            this.name = name;
            this.path = path;
        }

        /** The trust policy of the trust commands' statements, its elements in AWS's order (Version first). */
        private static Map<String, Object> trustPolicy(List<Map<String, Object>> statements) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("Version", "2012-10-17");
            document.put("Statement", statements);
            return document;
        }

        @Override
        PolicyHolder holder() {
            if (role == null) {
                throw new IllegalStateException("role not created yet");
            }
            return role;
        }

        /** The trust policy, whole: a block of statements, a map, JSON text or a file. */
        public void trust(Object policy) {
            trustDocument = policy;
        }

        /** The trust policy as a block of statements. */
        public void trust(@DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            trustDocument = block;
        }

        /** Trusts AWS services, e.g. {@code ec2.amazonaws.com} or {@code lambda.amazonaws.com}. */
        public void trustService(String... services) {
            Map<String, Object> s = statement("sts:AssumeRole");
            s.put("Principal", Map.of("Service", PolicySpec.one(List.of(services))));
            trust.add(s);
        }

        /** Trusts an account (its root: its IAM policies decide who there may assume the role). */
        public void trustAccount(Map<String, ?> opts, Object account) {
            NamedArgs.check(opts, "trustAccount", "externalId", "mfa");
            String id = Refs.arnOf(account);
            Map<String, Object> s = statement("sts:AssumeRole");
            s.put("Principal", Map.of("AWS", id.startsWith("arn:") ? id : "arn:aws:iam::" + id + ":root"));
            Map<String, Object> condition = new LinkedHashMap<>();
            if (str(opts, "externalId") != null) {
                condition.put("StringEquals", Map.of("sts:ExternalId", str(opts, "externalId")));
            }
            if (opts != null && Boolean.TRUE.equals(opts.get("mfa"))) {
                condition.put("Bool", Map.of("aws:MultiFactorAuthPresent", "true"));
            }
            if (!condition.isEmpty()) {
                s.put("Condition", condition);
            }
            trust.add(s);
        }

        public void trustAccount(Object account) {
            trustAccount(null, account);
        }

        /** Trusts particular users, roles or other principals by ARN. */
        public void trustPrincipal(Object... principals) {
            Map<String, Object> s = statement("sts:AssumeRole");
            s.put("Principal", Map.of("AWS", PolicySpec.one(PolicySpec.flatten(principals))));
            trust.add(s);
        }

        /**
         * Trusts an OIDC provider of the account (by URL) for tokens whose claims match: {@code aud} exactly, and
         * {@code sub} exactly or, with {@code *}, as a pattern.
         */
        public void trustOidc(Map<String, ?> claims, String providerUrl) {
            String host = providerUrl.replaceFirst("^https://", "").replaceAll("/+$", "");
            Map<String, Object> s = statement("sts:AssumeRoleWithWebIdentity");
            s.put("Principal", Map.of("Federated", "arn:aws:iam::" + account.id() + ":oidc-provider/" + host));
            Map<String, Object> equals = new LinkedHashMap<>();
            Map<String, Object> like = new LinkedHashMap<>();
            if (claims != null) {
                claims.forEach((k, v) -> {
                    Object value = Json.normalize(v);
                    boolean pattern = value.toString().contains("*") || value.toString().contains("?");
                    (pattern ? like : equals).put(host + ":" + k, value);
                });
            }
            Map<String, Object> condition = new LinkedHashMap<>();
            if (!equals.isEmpty()) {
                condition.put("StringEquals", equals);
            }
            if (!like.isEmpty()) {
                condition.put("StringLike", like);
            }
            if (!condition.isEmpty()) {
                s.put("Condition", condition);
            }
            trust.add(s);
        }

        /** Trusts a SAML provider of the account, for assertions meant for AWS sign-in. */
        public void trustSaml(String provider) {
            Map<String, Object> s = statement("sts:AssumeRoleWithSAML");
            s.put("Principal", Map.of("Federated", "arn:aws:iam::" + account.id() + ":saml-provider/" + provider));
            s.put("Condition", Map.of("StringEquals", Map.of("SAML:aud", "https://signin.aws.amazon.com/saml")));
            trust.add(s);
        }

        private static Map<String, Object> statement(String action) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Effect", "Allow");
            s.put("Action", action);
            return s;
        }

        @Override
        public void attach(Object... policies) {
            pending.add(() -> super.attach(policies));
        }

        @Override
        public void detach(Object... policies) {
            pending.add(() -> super.detach(policies));
        }

        @Override
        public void inline(String policyName, Object policy) {
            pending.add(() -> super.inline(policyName, policy));
        }

        @Override
        public void tag(String key, Object value) {
            pending.add(() -> super.tag(key, value));
        }

        /** The permissions boundary: a managed policy by name or ARN. */
        public void boundary(Object policy) {
            String n = Refs.arnOf(policy);
            pending.add(() -> lab.later(() -> role.permissionsBoundary(account.policy(n))));
        }

        /** The longest session: {@code '4h'}, {@code '90m'} or seconds; 1 to 12 hours. */
        public void maxSessionDuration(Object duration) {
            pending.add(() -> role.maxSessionDuration(duration instanceof Number n
                    ? java.time.Duration.ofSeconds(n.longValue()) : Durations.parse(duration.toString())));
        }

        public void description(String text) {
            pending.add(() -> role.description(text));
        }

        Role create() {
            if (trustDocument != null && !trust.isEmpty()) {
                throw new DslException("role `" + name + "` has both a whole trust policy and trustService/"
                        + "trustAccount/...; use one or the other");
            }
            if (trustDocument == null && trust.isEmpty()) {
                throw new DslException("role `" + name + "` has no trust policy; say who may assume it, e.g."
                        + " trustService 'ec2.amazonaws.com', trustAccount '111122223333' or trust { ... }");
            }
            Object document = trustDocument != null ? trustDocument : trustPolicy(trust);
            PolicyText text = Refs.policy(lab, document, PolicyKind.TRUST, name + " (trust policy)", null);
            role = account.createRole(name, path, text);
            pending.forEach(Runnable::run);
            Role created = role;
            int line = lab.currentLine();
            lab.atEnd(() -> missingPrincipals(created).forEach(arn -> lab.warn(line, "role `" + name + "` trusts `"
                    + arn + "`, which does not exist in the world; AWS refuses a trust policy naming a user or role"
                    + " that does not exist")));
            return role;
        }

        /** The IAM users and roles of the world's accounts that the role's trust policy names but nobody defined. */
        private List<String> missingPrincipals(Role role) {
            List<String> missing = new ArrayList<>();
            for (var statement : role.trustPolicy().document().statements()) {
                if (statement.principal() == null) {
                    continue;
                }
                var aws = statement.principal().principals().get(org.iamlab.engine.policy.PrincipalType.AWS);
                for (String arn : aws == null ? List.<String>of() : aws.values()) {
                    String[] parts = arn.split(":", 6);
                    if (parts.length < 6 || !parts[2].equals("iam")) {
                        continue;
                    }
                    String resource = parts[5];
                    String simple = resource.substring(resource.lastIndexOf('/') + 1);
                    Account owner = lab.world().findAccount(parts[4]).orElse(null);
                    boolean absent = owner != null && (resource.startsWith("user/") && owner.findUser(simple).isEmpty()
                            || resource.startsWith("role/") && owner.findRole(simple).isEmpty());
                    if (absent) {
                        missing.add(arn);
                    }
                }
            }
            return missing;
        }

        /** Applies the block's settings to {@code existing}: a new trust policy when the block gave one. */
        Role edit(Role existing) {
            if (trustDocument != null && !trust.isEmpty()) {
                throw new DslException("role `" + name + "` gets both a whole trust policy and trustService/"
                        + "trustAccount/...; use one or the other");
            }
            role = existing;
            if (trustDocument != null || !trust.isEmpty()) {
                Object document = trustDocument != null ? trustDocument : trustPolicy(trust);
                existing.trustPolicy(Refs.policy(lab, document, PolicyKind.TRUST, name + " (trust policy)", null));
            }
            pending.forEach(Runnable::run);
            return role;
        }
    }

    /** The block of a resource: {@code bucket('logs') { policy { ... } }}. */
    public static final class ResourceSpec {
        private final Lab lab;
        private final Resource resource;

        ResourceSpec(Lab lab, Resource resource) {
            this.lab = lab;
            this.resource = resource;
        }

        /** The resource-based policy; statements without {@code on} cover this resource. */
        public void policy(Object policy) {
            resource.policy(Refs.policy(lab, policy, PolicyKind.RESOURCE, resource.name(),
                    PolicySpec.defaultsFor(resource)));
        }

        public void policy(@DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> statements) {
            policy((Object) statements);
        }

        public void tag(String key, Object value) {
            resource.tag(key, Refs.arnOf(value));
        }

        public void tags(Map<String, ?> tags) {
            tags.forEach(this::tag);
        }

        /**
         * Enables a DynamoDB table's stream (once) and runs its block: {@code enableStream { policy { ... } }}
         * gives the stream its own resource-based policy, which the table's does not cover. (Not {@code stream}:
         * Groovy gives every object a {@code stream()} method, which would answer first.)
         */
        public Resource enableStream(@DelegatesTo(value = ResourceSpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> block) {
            if (resource.type() != ResourceType.DYNAMODB_TABLE) {
                throw new DslException("only a DynamoDB table has a stream, not " + resource.type().description()
                        + " `" + resource.name() + "`");
            }
            Resource stream = resource.account().enableStream(resource);
            configure(new ResourceSpec(lab, stream), block);
            return stream;
        }

        public Resource enableStream() {
            return enableStream(null);
        }

        /**
         * A Lambda function's execution role (a role of the account). Inside {@code actingAs}, the caller must be
         * allowed to pass it to Lambda, as for CreateFunction.
         */
        public void role(Object role) {
            Actor caller = lab.explicitAwsCaller();
            lab.later(() -> {
                Role execution = Refs.role(role, resource.account());
                if (caller != null) {
                    PassRole.check(caller, execution, "lambda.amazonaws.com");
                }
                resource.executionRole(execution);
            });
        }
    }

    /**
     * The block of an account: everything IAM and the resources it holds. {@code user('alice')} with a block
     * creates the user (a second definition is an error); without one it is the existing user when there is one,
     * so that policies inside the block can name it.
     */
    public static final class AccountSpec {
        private final Lab lab;
        private final Account account;

        AccountSpec(Lab lab, Account account) {
            this.lab = lab;
            this.account = account;
        }

        Account account() {
            return account;
        }

        /** The account's alias. */
        public void alias(String alias) {
            account.alias(alias);
        }

        /** Creates a user; {@code path: '/eng/'} sets its path. */
        public User user(Map<String, ?> opts, String name,
                         @DelegatesTo(value = UserSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            NamedArgs.check(opts, "user", "path");
            if (block == null && opts == null && account.findUser(name).isPresent()) {
                return account.findUser(name).get();
            }
            User u = account.createUser(name, str(opts, "path"));
            configure(new UserSpec(lab, u), block);
            return u;
        }

        public User user(String name, @DelegatesTo(value = UserSpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> block) {
            return user(null, name, block);
        }

        public User user(Map<String, ?> opts, String name) {
            return user(opts, name, null);
        }

        /** The user called {@code name}, created when new. */
        public User user(String name) {
            return user(null, name, null);
        }

        /** Creates users with no further settings. */
        public void users(String... names) {
            for (String n : names) {
                user(n);
            }
        }

        public Group group(Map<String, ?> opts, String name,
                           @DelegatesTo(value = GroupSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            NamedArgs.check(opts, "group", "path");
            if (block == null && opts == null && account.findGroup(name).isPresent()) {
                return account.findGroup(name).get();
            }
            Group g = account.createGroup(name, str(opts, "path"));
            configure(new GroupSpec(lab, g), block);
            return g;
        }

        public Group group(String name, @DelegatesTo(value = GroupSpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> block) {
            return group(null, name, block);
        }

        public Group group(String name) {
            return group(null, name, null);
        }

        public Role role(Map<String, ?> opts, String name,
                         @DelegatesTo(value = RoleSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            NamedArgs.check(opts, "role", "path");
            if (block == null && opts == null && account.findRole(name).isPresent()) {
                return account.findRole(name).get();
            }
            RoleSpec spec = configure(new RoleSpec(lab, account, name, str(opts, "path")), block);
            return spec.create();
        }

        public Role role(String name, @DelegatesTo(value = RoleSpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> block) {
            return role(null, name, block);
        }

        /** The role called {@code name}. */
        public Role role(String name) {
            return role(null, name, null);
        }

        /** A customer managed policy: a block of statements, a map, JSON text or a file. */
        public Policy policy(Map<String, ?> opts, String name, Object document) {
            NamedArgs.check(opts, "policy", "path", "description");
            return account.createPolicy(name, str(opts, "path"), Refs.policy(lab, document, PolicyKind.IDENTITY, name,
                    null), str(opts, "description"));
        }

        public Policy policy(String name, Object document) {
            return policy(null, name, document);
        }

        public Policy policy(String name, @DelegatesTo(value = PolicySpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> statements) {
            return policy(null, name, statements);
        }

        /** An instance profile holding {@code role} (a role name): {@code instanceProfile 'web', role: 'web-role'}. */
        public InstanceProfile instanceProfile(Map<String, ?> opts, String name) {
            NamedArgs.check(opts, "instanceProfile", "role", "path");
            InstanceProfile p = account.createInstanceProfile(name, str(opts, "path"));
            Object role = opts == null ? null : opts.get("role");
            if (role != null) {
                lab.later(() -> p.addRole(Refs.role(role, account)));
            }
            return p;
        }

        public InstanceProfile instanceProfile(String name) {
            return instanceProfile(null, name);
        }

        /**
         * An EC2 instance, optionally with an instance profile: {@code instance 'i-0abc...', profile: 'web'}.
         * Inside {@code actingAs}, the caller must be allowed to pass the profile's role to EC2, as for
         * RunInstances.
         */
        public Instance instance(Map<String, ?> opts, String id) {
            NamedArgs.check(opts, "instance", "profile", "region");
            Instance i = account.createInstance(id, str(opts, "region"));
            Object profile = opts == null ? null : opts.get("profile");
            Actor caller = lab.explicitAwsCaller();
            if (profile != null) {
                lab.later(() -> {
                    InstanceProfile p = profile instanceof InstanceProfile given ? given
                            : account.instanceProfile(Refs.arnOf(profile));
                    if (caller != null) {
                        p.role().ifPresent(r -> PassRole.check(caller, r, "ec2.amazonaws.com"));
                    }
                    i.associate(p);
                });
            }
            return i;
        }

        public Instance instance(String id) {
            return instance(null, id);
        }

        /** An OIDC provider: {@code oidcProvider 'https://token.actions.githubusercontent.com', audiences: [...]}. */
        public OidcProvider oidcProvider(Map<String, ?> opts, String url) {
            NamedArgs.check(opts, "oidcProvider", "audiences", "audience");
            List<String> audiences = new ArrayList<>();
            Object a = opts == null ? null : opts.get("audiences");
            if (a == null && opts != null) {
                a = opts.get("audience");
            }
            if (a != null) {
                audiences.addAll(PolicySpec.flatten(new Object[] {a}));
            }
            return account.createOidcProvider(url, audiences, List.of());
        }

        public OidcProvider oidcProvider(String url) {
            return oidcProvider(null, url);
        }

        /** A SAML provider: {@code samlProvider 'Okta', issuer: 'http://www.okta.com/exk123'}. */
        public SamlProvider samlProvider(Map<String, ?> opts, String name) {
            NamedArgs.check(opts, "samlProvider", "issuer");
            String issuer = str(opts, "issuer");
            return account.createSamlProvider(name, issuer == null ? "https://idp.example.com/" + name : issuer);
        }

        public SamlProvider samlProvider(String name) {
            return samlProvider(null, name);
        }

        private Resource resource(ResourceType type, Map<String, ?> opts, String name, Closure<?> block) {
            if (type == ResourceType.LAMBDA_FUNCTION) {
                NamedArgs.check(opts, "function", "role", "region");
            } else {
                NamedArgs.check(opts, type.word(), "region");
            }
            Resource r = account.createResource(type, name, str(opts, "region"));
            if (opts != null && opts.get("role") != null) {
                new ResourceSpec(lab, r).role(opts.get("role"));
            }
            configure(new ResourceSpec(lab, r), block);
            return r;
        }

        public Resource bucket(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.S3_BUCKET, opts, name, block);
        }

        public Resource bucket(Map<String, ?> opts, String name) {
            return bucket(opts, name, null);
        }

        public Resource bucket(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return bucket(null, name, block);
        }

        public Resource bucket(String name) {
            return bucket(name, null);
        }

        public Resource queue(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.SQS_QUEUE, opts, name, block);
        }

        public Resource queue(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return queue(null, name, block);
        }

        public Resource queue(Map<String, ?> opts, String name) {
            return queue(opts, name, null);
        }

        public Resource queue(String name) {
            return queue(null, name, null);
        }

        public Resource topic(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.SNS_TOPIC, opts, name, block);
        }

        public Resource topic(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return topic(null, name, block);
        }

        public Resource topic(Map<String, ?> opts, String name) {
            return topic(opts, name, null);
        }

        public Resource topic(String name) {
            return topic(null, name, null);
        }

        /** A Lambda function; {@code role: 'exec-role'} (or {@code role} in its block) is its execution role. */
        public Resource function(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.LAMBDA_FUNCTION, opts, name, block);
        }

        public Resource function(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return function(null, name, block);
        }

        public Resource function(Map<String, ?> opts, String name) {
            return function(opts, name, null);
        }

        /** A KMS key (named by its alias), which starts with the default key policy. */
        public Resource key(Map<String, ?> opts, String alias, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.KMS_KEY, opts, alias, block);
        }

        public Resource key(String alias, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return key(null, alias, block);
        }

        public Resource key(Map<String, ?> opts, String alias) {
            return key(opts, alias, null);
        }

        public Resource key(String alias) {
            return key(null, alias, null);
        }

        /** An API Gateway REST API. */
        public Resource api(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.API_GATEWAY, opts, name, block);
        }

        public Resource api(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return api(null, name, block);
        }

        public Resource api(Map<String, ?> opts, String name) {
            return api(opts, name, null);
        }

        public Resource api(String name) {
            return api(null, name, null);
        }

        /** A Secrets Manager secret. */
        public Resource secret(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.SECRET, opts, name, block);
        }

        public Resource secret(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return secret(null, name, block);
        }

        public Resource secret(Map<String, ?> opts, String name) {
            return secret(opts, name, null);
        }

        public Resource secret(String name) {
            return secret(null, name, null);
        }

        /** A DynamoDB table; its resource-based policy covers the table and the indexes its statements name. */
        public Resource table(Map<String, ?> opts, String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return resource(ResourceType.DYNAMODB_TABLE, opts, name, block);
        }

        public Resource table(String name, @DelegatesTo(value = ResourceSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return table(null, name, block);
        }

        public Resource table(Map<String, ?> opts, String name) {
            return table(opts, name, null);
        }

        public Resource table(String name) {
            return table(null, name, null);
        }
    }

    /**
     * The spec that edits {@code target} (a user, group, role, resource, account or the organization) as its own
     * block would, for {@code edit(group('developers')) { attach 'ReadLogs' }}.
     */
    static Object editing(Lab lab, Object target) {
        if (target instanceof User u) {
            return new UserSpec(lab, u);
        }
        if (target instanceof Group g) {
            return new GroupSpec(lab, g);
        }
        if (target instanceof Role r) {
            return new RoleSpec(lab, r.account(), r.name(), r.path());
        }
        if (target instanceof Resource r) {
            return new ResourceSpec(lab, r);
        }
        if (target instanceof Account a) {
            return new AccountSpec(lab, a);
        }
        if (target instanceof Organization o) {
            return new OrgSpec(lab, o, o.root());
        }
        if (target instanceof Policy p) {
            return new PolicyEditSpec(lab, p);
        }
        throw new DslException("edit takes a user, group, role, managed policy, resource, account or the"
                + " organization, not "
                + (target == null ? "null" : "`" + target + "`"));
    }

    /** Runs an edit block on the spec {@link #editing} made, then applies what only ends with the block. */
    static void finishEdit(Object spec, Object target, Closure<?> block) {
        configure(spec, block);
        if (spec instanceof RoleSpec rs) {
            rs.edit((Role) target);
        }
        if (spec instanceof PolicyEditSpec ps) {
            ps.apply();
        }
    }

    /** The block of {@code organization { }} and of each {@code ou('Name') { }}. */
    public static final class OrgSpec {
        private final Lab lab;
        private final Organization org;
        private final OrgUnit unit;

        OrgSpec(Lab lab, Organization org, OrgUnit unit) {
            this.lab = lab;
            this.org = org;
            this.unit = unit;
        }

        /** An OU under this level. */
        public OrgUnit ou(String name, @DelegatesTo(value = OrgSpec.class, strategy = Closure.DELEGATE_FIRST)
                Closure<?> block) {
            OrgUnit child = org.createOu(unit, name);
            configure(new OrgSpec(lab, org, child), block);
            return child;
        }

        public OrgUnit ou(String name) {
            return ou(name, null);
        }

        /** A member account at this level (created, or moved here); {@code alias:} names it. */
        public Account account(Map<String, ?> opts, String id,
                               @DelegatesTo(value = AccountSpec.class, strategy = Closure.DELEGATE_FIRST)
                               Closure<?> block) {
            NamedArgs.check(opts, "account", "alias");
            Account a = lab.world().findAccount(id).orElseGet(() -> lab.world().createAccount(id, null));
            if (str(opts, "alias") != null) {
                a.alias(str(opts, "alias"));
            }
            org.addAccount(a, unit);
            configure(new AccountSpec(lab, a), block);
            return a;
        }

        public Account account(String id, @DelegatesTo(value = AccountSpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
            return account(null, id, block);
        }

        public Account account(Map<String, ?> opts, String id) {
            return account(opts, id, null);
        }

        public Account account(String id) {
            return account(null, id, null);
        }

        /** Defines a service control policy of the organization. */
        public ControlPolicy scp(String name, Object document) {
            return org.createPolicy(PolicyKind.SERVICE_CONTROL, name,
                    Refs.policy(lab, document, PolicyKind.SERVICE_CONTROL, name, null));
        }

        public ControlPolicy scp(String name, @DelegatesTo(value = PolicySpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> statements) {
            return scp(name, (Object) statements);
        }

        /** Defines a resource control policy of the organization. */
        public ControlPolicy rcp(String name, Object document) {
            return org.createPolicy(PolicyKind.RESOURCE_CONTROL, name,
                    Refs.policy(lab, document, PolicyKind.RESOURCE_CONTROL, name, null));
        }

        public ControlPolicy rcp(String name, @DelegatesTo(value = PolicySpec.class,
                strategy = Closure.DELEGATE_FIRST) Closure<?> statements) {
            return rcp(name, (Object) statements);
        }

        /** Attaches SCPs or RCPs (by name) to this level. */
        public void attach(String... policies) {
            for (String p : policies) {
                lab.later(() -> org.attach(org.policy(p), unit));
            }
        }

        /** Detaches control policies (e.g. {@code FullAWSAccess}) from this level. */
        public void detach(String... policies) {
            for (String p : policies) {
                lab.later(() -> org.detach(org.policy(p), unit));
            }
        }

        /** Attaches SCPs or RCPs to an account: {@code attachTo '111122223333', 'DenyS3'}. */
        public void attachTo(String accountId, String... policies) {
            for (String p : policies) {
                lab.later(() -> org.attach(org.policy(p), lab.world().account(accountId)));
            }
        }

        /** Detaches control policies from an account. */
        public void detachFrom(String accountId, String... policies) {
            for (String p : policies) {
                lab.later(() -> org.detach(org.policy(p), lab.world().account(accountId)));
            }
        }

        /** The organization's ID, for conditions on {@code aws:PrincipalOrgID}. */
        public String getId() {
            return org.id();
        }
    }
}
