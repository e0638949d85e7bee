package org.iamlab.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.InstanceProfile;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.Session;

/**
 * A policy written as statements:
 * <pre>
 * allow 's3:GetObject', 's3:ListBucket' on 'arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'
 * deny 's3:DeleteObject' on '*' when Bool: ['aws:MultiFactorAuthPresent': 'false']
 * allow 'sqs:SendMessage' on queueArn principal service: 'sns.amazonaws.com'
 * statement Effect: 'Allow', NotAction: 'iam:*', Resource: '*'
 * </pre>
 * It builds the AWS JSON shape, which the engine's parser then checks as for any other policy.
 * <p>
 * The block has its own lookups ({@code user('alice')}, {@code role('deployer')}, {@code bucket('logs')}, ...).
 * Blocks run {@code DELEGATE_FIRST}, and a call the delegate lacks goes to the enclosing blocks' delegates before
 * the script: without them, {@code role('x')} in a function's {@code policy { }} would reach the function's
 * execution-role setter, {@code group('x')} in a group's inline policy the group's refusal of nested groups, and
 * {@code bucket('x')} in an account block the account's bucket creation. Inside an account block they look in
 * that account, elsewhere in the whole world; a user, group or role not defined yet is a forward reference
 * (its ARN), which the lab checks when the script ends.
 */
public class PolicySpec implements ResourceLookups {

    private final List<StatementSpec> statements = new ArrayList<>();
    private final List<String> defaultResources;
    private final Lab lab;
    /** The account of the account block around the policy, or {@code null} to look in the whole world. */
    private final Account scope;
    /** The script line of each statement, so a warning about one names the line that wrote it. */
    private final List<Integer> lines = new ArrayList<>();
    private String version = "2012-10-17";
    private String id;

    PolicySpec(List<String> defaultResources, Lab lab, Account scope) {
        this.defaultResources = defaultResources;
        this.lab = lab;
        this.scope = scope;
    }

    /** Whether the block wrote any statement. */
    boolean hasStatements() {
        return !statements.isEmpty();
    }

    /** The script line that wrote statement {@code index}, or 0. */
    int lineOf(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : 0;
    }

    /** An Allow statement for {@code actions}; continue with {@code on}, {@code principal}, {@code when}. */
    public StatementSpec allow(Object... actions) {
        return add("Allow", actions);
    }

    /** A Deny statement for {@code actions}. */
    public StatementSpec deny(Object... actions) {
        return add("Deny", actions);
    }

    /** A statement written with the AWS element names: {@code statement Effect: 'Allow', NotAction: ..., ...}. */
    public void statement(Map<String, ?> raw) {
        StatementSpec s = new StatementSpec();
        s.json.putAll(Json.normalizeMap(raw));
        statements.add(s);
        lines.add(lab.currentLine());
    }

    /** The policy language version (default {@code 2012-10-17}). */
    public void version(String v) {
        this.version = v;
    }

    /** The policy's {@code Id}. */
    public void id(String policyId) {
        this.id = policyId;
    }

    // Lookups

    /** The user called {@code name} (or with this ARN); one defined further down is a forward reference. */
    public Object user(String name) {
        return iam("user", name, (a, n) -> a.findUser(n).orElse(null), a -> a.user(name));
    }

    /** The role called {@code name} (or with this ARN); one defined further down is a forward reference. */
    public Object role(String name) {
        return iam("role", name, (a, n) -> a.findRole(n).orElse(null), a -> a.role(name));
    }

    /** The group called {@code name} (or with this ARN); one defined further down is a forward reference. */
    public Object group(String name) {
        return iam("group", name, (a, n) -> a.findGroup(n).orElse(null), a -> a.group(name));
    }

    /** A managed policy: a customer managed one (this account's first), or an AWS managed one by name or ARN. */
    public Policy policy(String nameOrArn) {
        if (scope != null) {
            return scope.policy(nameOrArn);
        }
        for (Account a : lab.world().accounts()) {
            if (a.findCustomerPolicy(nameOrArn).isPresent()) {
                return a.findCustomerPolicy(nameOrArn).get();
            }
        }
        return lab.world().defaultAccount().policy(nameOrArn);
    }

    /** The account with this ID or alias; an ID the world does not know yet adds the account, as at the top. */
    public Account account(String idOrAlias) {
        if (idOrAlias.matches("\\d+")) {
            return lab.world().findAccount(idOrAlias).orElseGet(() -> lab.world().createAccount(idOrAlias, null));
        }
        return lab.world().account(idOrAlias);
    }

    /** The EC2 instance with this ID. */
    public Instance instance(String id) {
        return lab.world().instance(id);
    }

    /** The instance profile called {@code name}. */
    public InstanceProfile instanceProfile(String name) {
        BiFunction<Account, String, InstanceProfile> finder = (a, n) -> a.instanceProfiles().stream()
                .filter(p -> p.name().equals(n)).findFirst().orElse(null);
        InstanceProfile mine = scope == null ? null : finder.apply(scope, name);
        return mine != null ? mine : new Lookups(lab.world()).find("instance profile", name, finder);
    }

    private <T extends PolicyHolder> Object iam(String kind, String name, BiFunction<Account, String, T> finder,
                                                Function<Account, T> strict) {
        Lookups lookups = new Lookups(lab.world());
        if (name.startsWith("arn:")) {
            return lookups.find(kind, name, finder);
        }
        if (scope != null) {
            T found = finder.apply(scope, name);
            return found != null ? found : lab.forward(kind, name, arn(scope, kind, name),
                    () -> strict.apply(scope).arn());
        }
        if (lookups.exists(name, finder)) {
            return lookups.find(kind, name, finder);
        }
        return lab.forward(kind, name, arn(lab.world().defaultAccount(), kind, name),
                () -> lookups.find(kind, name, finder).arn());
    }

    private static String arn(Account account, String kind, String name) {
        return "arn:aws:iam::" + account.id() + ":" + kind + "/" + name;
    }

    @Override
    public Resource resourceNamed(ResourceType type, String name) {
        if (scope != null) {
            for (Resource r : scope.resources()) {
                if (r.type() == type && (r.name().equals(name) || r.arn().equals(name))) {
                    return r;
                }
            }
        }
        return new Lookups(lab.world()).resource(type, name);
    }

    private StatementSpec add(String effect, Object[] actions) {
        StatementSpec s = new StatementSpec();
        s.json.put("Effect", effect);
        s.json.put("Action", one(flatten(actions)));
        statements.add(s);
        lines.add(lab.currentLine());
        return s;
    }

    /** The document as a map of AWS JSON. */
    Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (version != null) {
            doc.put("Version", version);
        }
        if (id != null) {
            doc.put("Id", id);
        }
        List<Object> list = new ArrayList<>();
        for (StatementSpec s : statements) {
            Map<String, Object> json = new LinkedHashMap<>(s.json);
            if (defaultResources != null && !json.containsKey("Resource") && !json.containsKey("NotResource")) {
                json.put("Resource", one(defaultResources));
            }
            list.add(order(json));
        }
        doc.put("Statement", list);
        return doc;
    }

    private static Map<String, Object> order(Map<String, Object> json) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                "NotResource", "Condition")) {
            if (json.containsKey(key)) {
                out.put(key, json.get(key));
            }
        }
        json.forEach(out::putIfAbsent);
        return out;
    }

    static List<String> flatten(Object[] values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Iterable<?> many) {
                for (Object x : many) {
                    out.addAll(flatten(new Object[] {x}));
                }
            } else if (v instanceof Object[] array) {
                out.addAll(flatten(array));
            } else {
                out.add(Refs.arnOf(v));
            }
        }
        return out;
    }

    static Object one(List<String> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    /** One statement being written; each method returns it, so they chain. */
    public static final class StatementSpec {

        final Map<String, Object> json = new LinkedHashMap<>();

        /** The resources it covers (ARN patterns, or world resources, users, roles). */
        public StatementSpec on(Object... resources) {
            json.put("Resource", one(flatten(resources)));
            return this;
        }

        /** Every resource except these ({@code NotResource}). */
        public StatementSpec notOn(Object... resources) {
            json.put("NotResource", one(flatten(resources)));
            return this;
        }

        /** Who it applies to, in resource-based and trust policies: see {@link #principal(Object...)}. */
        public StatementSpec principal(Map<String, ?> byType) {
            if (byType == null) {
                // Groovy picks this overload for a null argument: a variable or lookup that gave nothing.
                throw new DslException("`principal` got no value (null); name who it applies to, e.g. principal"
                        + " role('reader'), principal 'arn:aws:iam::111122223333:role/reader' or principal"
                        + " service: 'lambda.amazonaws.com'");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            byType.forEach((k, v) -> {
                String type = switch (k.toLowerCase(Locale.ROOT)) {
                    case "aws" -> "AWS";
                    case "service" -> "Service";
                    case "federated" -> "Federated";
                    case "canonicaluser" -> "CanonicalUser";
                    default -> throw new DslException("`" + k + "` is not a principal type; use aws, service,"
                            + " federated or canonicalUser");
                };
                Object values = v instanceof Iterable<?> || v instanceof Object[] ? v : new Object[] {v};
                out.put(type, one(flatten(values instanceof Object[] a ? a : new Object[] {values})));
            });
            json.put("Principal", out);
            return this;
        }

        /**
         * Who it applies to: {@code '*'} for everyone, account IDs and IAM ARNs (or users, roles, accounts of the
         * world), and service principals such as {@code lambda.amazonaws.com}.
         */
        public StatementSpec principal(Object... principals) {
            List<String> all = flatten(principals);
            if (all.equals(List.of("*"))) {
                json.put("Principal", "*");
                return this;
            }
            List<String> aws = new ArrayList<>();
            List<String> services = new ArrayList<>();
            for (Object p : principals) {
                if (p instanceof Account a) {
                    aws.add("arn:aws:iam::" + a.id() + ":root");
                    continue;
                }
                if (p instanceof PolicyHolder || p instanceof Session) {
                    aws.add(Refs.arnOf(p));
                    continue;
                }
                for (String s : flatten(new Object[] {p})) {
                    (s.endsWith(".amazonaws.com") || s.endsWith(".amazonaws.com.cn") ? services : aws).add(s);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (!aws.isEmpty()) {
                out.put("AWS", one(aws));
            }
            if (!services.isEmpty()) {
                out.put("Service", one(services));
            }
            json.put("Principal", out);
            return this;
        }

        /** Conditions: {@code when StringEquals: ['aws:username': 'alice'], Bool: [...]}. */
        public StatementSpec when(Map<String, ?> conditions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> existing = (Map<String, Object>) json.computeIfAbsent("Condition",
                    k -> new LinkedHashMap<String, Object>());
            Json.normalizeMap(conditions).forEach((operator, keys) -> {
                if (keys instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> forOp = (Map<String, Object>) existing.computeIfAbsent(operator,
                            k -> new LinkedHashMap<String, Object>());
                    m.forEach((k, v) -> forOp.put(k.toString(), v));
                } else {
                    existing.put(operator, keys);
                }
            });
            return this;
        }

        /** The statement's Sid. */
        public StatementSpec sid(String sid) {
            json.put("Sid", sid);
            return this;
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(statements.toArray());
    }

    /** The resource's ARN and, for a bucket, its objects: the Resource a resource policy covers by default. */
    static List<String> defaultsFor(Resource r) {
        return switch (r.type()) {
            case S3_BUCKET -> List.of(r.arn(), r.arn() + "/*");
            case API_GATEWAY -> List.of(r.arn() + "/*");
            default -> List.of(r.arn());
        };
    }
}
