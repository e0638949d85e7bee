package org.iamlab.dsl.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.Step;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;
import org.iamlab.engine.world.AccessKey;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.InstanceProfile;
import org.iamlab.engine.world.PassRole;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.PolicySource;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.Sts;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.World;
import org.iamlab.engine.world.WorldException;
import org.iamlab.engine.world.WorldExport;

/**
 * Runs {@code aws} commands against a world, as a caller (the account's root user by default, or a user or
 * session): {@code iam} users, access keys, groups, policies, roles and instance profiles, with their
 * {@code delete-*}, {@code detach-*} and {@code list-*} counterparts and {@code simulate-principal-policy};
 * {@code sts assume-role} and {@code get-caller-identity}; {@code ec2 run-instances} and
 * {@code associate-iam-instance-profile}. Output and errors are the CLI's. A caller other than the root user
 * must be allowed each IAM action by the evaluator, as in AWS, and {@code iam:PassRole} on the role of an
 * instance profile it gives EC2.
 */
public final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter CLI_JSON = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));

    /** The commands, by service, for messages and suggestions. */
    static final Map<String, List<String>> COMMANDS = Map.of(
            "iam", List.of("create-user", "get-user", "list-users", "delete-user", "tag-user", "create-access-key",
                    "list-access-keys", "update-access-key", "delete-access-key", "create-login-profile",
                    "delete-login-profile", "create-group", "get-group", "list-groups", "list-groups-for-user",
                    "delete-group", "add-user-to-group", "remove-user-from-group", "attach-user-policy",
                    "detach-user-policy", "attach-group-policy", "detach-group-policy", "attach-role-policy",
                    "detach-role-policy", "list-attached-user-policies", "list-attached-group-policies",
                    "list-attached-role-policies", "put-user-policy", "get-user-policy", "list-user-policies",
                    "delete-user-policy", "put-group-policy", "get-group-policy", "list-group-policies",
                    "delete-group-policy", "put-role-policy", "get-role-policy", "list-role-policies",
                    "delete-role-policy", "create-policy", "get-policy", "create-policy-version", "get-policy-version",
                    "list-policy-versions", "set-default-policy-version", "delete-policy-version", "list-policies",
                    "delete-policy", "create-role", "get-role", "list-roles", "delete-role", "tag-role",
                    "update-assume-role-policy", "put-user-permissions-boundary", "put-role-permissions-boundary",
                    "delete-user-permissions-boundary", "delete-role-permissions-boundary",
                    "create-instance-profile", "get-instance-profile", "list-instance-profiles",
                    "add-role-to-instance-profile", "remove-role-from-instance-profile", "delete-instance-profile",
                    "simulate-principal-policy", "get-account-authorization-details",
                    "create-open-id-connect-provider"),
            "sts", List.of("assume-role", "get-caller-identity"),
            "ec2", List.of("run-instances", "associate-iam-instance-profile", "disassociate-iam-instance-profile"));

    /** The services of {@link #COMMANDS}, as messages name them. */
    private static final String SUPPORTED = "iam, sts and ec2";

    private final World world;
    private Path baseDir = Path.of(".");

    public AwsCli(World world) {
        this.world = world;
    }

    public void baseDir(Path dir) {
        this.baseDir = dir;
    }

    /**
     * Runs every command of {@code text} as {@code caller}, passing each output to {@code show}. A failing
     * command throws an {@link AwsCliException}, unless {@code mayFail}: then its error is shown and the run
     * goes on. Returns the last command's output as plain values (maps and lists), or {@code null}.
     */
    public Object run(String text, Actor caller, Consumer<Object> show, boolean mayFail) {
        Object last = null;
        for (CommandLine command : CommandLine.parse(text)) {
            try {
                JsonNode out = execute(command, caller);
                if (out != null) {
                    show.accept(new CliOutput(command.text(), print(out), false));
                    last = JSON.convertValue(out, Object.class);
                } else {
                    last = null;
                }
            } catch (AwsCliException e) {
                AwsCliException located = e.line() == 0 ? e.at(command.line()) : e;
                if (!mayFail) {
                    throw located;
                }
                show.accept(new CliOutput(command.text(), located.cliMessage() + "\n", true));
                last = null;
            }
        }
        return last;
    }

    /** JSON as the CLI prints it: four spaces, {@code "key": value}. */
    public static String print(JsonNode node) {
        try {
            return CLI_JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one command; {@code null} for commands that print nothing. */
    public JsonNode execute(CommandLine command, Actor caller) {
        List<String> words = new ArrayList<>(command.words());
        // `iam create-user ...` without the leading word is what a learner types inside aws '...': take it.
        if (!words.isEmpty() && words.get(0).equals("aws")) {
            words.remove(0);
        } else if (words.isEmpty() || !COMMANDS.containsKey(words.get(0))) {
            throw new AwsCliException(command.line(), "`" + command.text() + "` is not an aws command",
                    "each command starts with `aws` or a service (" + SUPPORTED + "); write other statements"
                            + " outside the aws '''...''' text");
        }
        Actor who = caller;
        for (int i = 0; i < words.size(); ) {
            String w = words.get(i);
            if (w.equals("--profile") && i + 1 < words.size()) {
                who = profile(words.get(i + 1));
                words.subList(i, i + 2).clear();
            } else if ((w.equals("--output") || w.equals("--region")) && i + 1 < words.size()) {
                if (w.equals("--output") && !words.get(i + 1).equals("json")) {
                    throw new AwsCliException(command.line(), "IAM Lab prints json output only, not "
                            + words.get(i + 1), null);
                }
                words.subList(i, i + 2).clear();
            } else if (w.equals("--no-cli-pager") || w.equals("--no-paginate")) {
                words.remove(i);
            } else {
                i++;
            }
        }
        if (words.isEmpty()) {
            throw new AwsCliException(command.line(), "the following arguments are required: command", null);
        }
        String service = words.get(0);
        if (!COMMANDS.containsKey(service)) {
            // No "did you mean" here: `s3` is one edit from `sts`, and pointing at another service misleads.
            throw new AwsCliException(command.line(), "argument command: Invalid choice: '" + service + "'",
                    "IAM Lab supports the services " + SUPPORTED + ", not `" + service + "`");
        }
        if (words.size() < 2) {
            throw new AwsCliException(command.line(), "the following arguments are required: operation", null);
        }
        String operation = words.get(1);
        if (!COMMANDS.get(service).contains(operation)) {
            String hint = Hints.didYouMean(operation, COMMANDS.get(service));
            throw new AwsCliException(command.line(), "argument operation: Invalid choice: '" + operation + "'",
                    hint != null ? hint : "IAM Lab knows: " + String.join(", ", COMMANDS.get(service)));
        }
        if (who instanceof Session s && s.expiredAt(world.clock().instant())) {
            throw AwsCliException.service("ExpiredToken", apiName(operation),
                    "The security token included in the request is expired", null);
        }
        Args args = new Args(words.subList(2, words.size()), baseDir);
        Run run = new Run(who, service, operation, args);
        try {
            JsonNode out = run.perform();
            args.checkUnknown(List.of());
            return out;
        } catch (WorldException e) {
            throw AwsCliException.service(e.code(), run.api, e.awsMessage(), e.hint());
        } catch (PolicyParseException e) {
            throw AwsCliException.service("MalformedPolicyDocument", run.api, "Syntax errors in policy.",
                    e.getMessage());
        } catch (AwsCliException e) {
            throw e.line() == 0 ? e.at(command.line()) : e;
        }
    }

    private Actor profile(String name) {
        for (Account a : world.accounts()) {
            if (a.findUser(name).isPresent()) {
                User u = a.findUser(name).get();
                if (u.accessKeys().stream().noneMatch(k -> k.status() == AccessKey.Status.Active)) {
                    throw new AwsCliException(0, "The config profile (" + name + ") has no active access key",
                            "create one with aws iam create-access-key --user-name " + name);
                }
                return u;
            }
        }
        for (Session s : world.sessions()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AwsCliException(0, "The config profile (" + name + ") could not be found",
                "a profile is a user with an access key, or the session name of an assumed role");
    }

    /** {@code create-user} becomes {@code CreateUser}. */
    static String apiName(String operation) {
        StringBuilder out = new StringBuilder();
        for (String part : operation.split("-")) {
            if (part.equals("iam")) {
                out.append("Iam");
            } else if (part.equals("saml")) {
                out.append("SAML");
            } else {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString().replace("OpenIdConnect", "OpenIDConnect");
    }

    /** One command being run. */
    private final class Run {
        final Actor caller;
        final Account account;
        final String service;
        final String operation;
        final String api;
        final Args a;

        Run(Actor caller, String service, String operation, Args args) {
            this.caller = caller;
            this.account = caller.account() != null ? caller.account() : world.defaultAccount();
            this.service = service;
            this.operation = operation;
            this.api = apiName(operation);
            this.a = args;
        }

        /** The evaluator must allow a caller other than the account's root user. */
        void authorize(String resource) {
            if (caller instanceof Actor.RootUser) {
                return;
            }
            String action = service + ":" + api;
            Decision d = world.decide(caller, action, resource, null);
            if (d != Decision.ALLOWED) {
                throw AwsCliException.service("AccessDenied", api, "User: " + caller.principal()
                        + " is not authorized to perform: " + action + " on resource: " + resource
                        + (d == Decision.EXPLICITLY_DENIED ? " with an explicit deny in a policy"
                        : " because no identity-based policy allows the " + action + " action"), null);
            }
        }

        String arn(String kind, String path, String name) {
            return "arn:aws:iam::" + account.id() + ":" + kind + (path == null ? "/" : path) + name;
        }

        User user(String name) {
            User u = account.user(name);
            authorize(u.arn());
            return u;
        }

        /** The user named by {@code --user-name}, or the calling user when it is absent. */
        User userOrCaller() {
            String name = a.opt("--user-name");
            if (name != null) {
                return user(name);
            }
            if (caller instanceof User u) {
                authorize(u.arn());
                return u;
            }
            throw new AwsCliException(0, "the following arguments are required: --user-name", null);
        }

        Group group(String name) {
            Group g = account.group(name);
            authorize(g.arn());
            return g;
        }

        Role role(String name) {
            Role r = account.role(name);
            authorize(r.arn());
            return r;
        }

        Policy policyArn(String arn) {
            return account.policy(arn);
        }

        PolicyText document(String option, PolicyKind kind) {
            return PolicyText.parse(a.req(option), kind);
        }

        JsonNode perform() {
            return switch (service) {
                case "iam" -> iam();
                case "sts" -> sts();
                default -> ec2();
            };
        }

        JsonNode iam() {
            switch (operation) {
                case "create-user": {
                    String name = a.req("--user-name");
                    authorize(arn("user", a.opt("--path"), name));
                    User u = account.createUser(name, a.opt("--path"));
                    tags(a.list("--tags")).forEach(u::tag);
                    return wrap("User", userJson(u, false));
                }
                case "get-user": {
                    return wrap("User", userJson(userOrCaller(), true));
                }
                case "list-users": {
                    authorize("*");
                    ArrayNode list = JSON.createArrayNode();
                    account.users().forEach(u -> list.add(userJson(u, false)));
                    return wrap("Users", list);
                }
                case "delete-user": {
                    account.deleteUser(user(a.req("--user-name")).name());
                    return null;
                }
                case "tag-user": {
                    User u = user(a.req("--user-name"));
                    tags(a.reqList("--tags")).forEach(u::tag);
                    return null;
                }
                case "create-access-key": {
                    User.NewAccessKey k = userOrCaller().createAccessKey();
                    ObjectNode n = JSON.createObjectNode();
                    n.put("UserName", k.key().user().name());
                    n.put("AccessKeyId", k.key().id());
                    n.put("Status", k.key().status().name());
                    n.put("SecretAccessKey", k.secret());
                    n.put("CreateDate", WorldExport.date(k.key().createDate()));
                    return wrap("AccessKey", n);
                }
                case "list-access-keys": {
                    User u = userOrCaller();
                    ArrayNode list = JSON.createArrayNode();
                    for (AccessKey k : u.accessKeys()) {
                        list.addObject().put("UserName", u.name()).put("AccessKeyId", k.id())
                                .put("Status", k.status().name()).put("CreateDate", WorldExport.date(k.createDate()));
                    }
                    return wrap("AccessKeyMetadata", list);
                }
                case "update-access-key": {
                    User u = userOrCaller();
                    String status = a.req("--status");
                    if (!status.equals("Active") && !status.equals("Inactive")) {
                        throw new AwsCliException(0, "argument --status: Invalid choice: '" + status + "'",
                                "use Active or Inactive");
                    }
                    u.accessKey(a.req("--access-key-id")).status(AccessKey.Status.valueOf(status));
                    return null;
                }
                case "delete-access-key": {
                    userOrCaller().deleteAccessKey(a.req("--access-key-id"));
                    return null;
                }
                case "create-login-profile": {
                    User u = user(a.req("--user-name"));
                    u.createLoginProfile(a.req("--password"), a.has("--password-reset-required"));
                    ObjectNode n = JSON.createObjectNode();
                    n.put("UserName", u.name());
                    n.put("CreateDate", WorldExport.date(u.loginProfile().orElseThrow().createDate()));
                    n.put("PasswordResetRequired", u.loginProfile().get().passwordResetRequired());
                    return wrap("LoginProfile", n);
                }
                case "delete-login-profile": {
                    user(a.req("--user-name")).deleteLoginProfile();
                    return null;
                }
                case "create-group": {
                    String name = a.req("--group-name");
                    authorize(arn("group", a.opt("--path"), name));
                    return wrap("Group", groupJson(account.createGroup(name, a.opt("--path"))));
                }
                case "get-group": {
                    Group g = group(a.req("--group-name"));
                    ObjectNode n = JSON.createObjectNode();
                    ArrayNode users = n.putArray("Users");
                    g.members().forEach(u -> users.add(userJson(u, false)));
                    n.set("Group", groupJson(g));
                    return n;
                }
                case "list-groups": {
                    authorize("*");
                    ArrayNode list = JSON.createArrayNode();
                    account.groups().forEach(g -> list.add(groupJson(g)));
                    return wrap("Groups", list);
                }
                case "list-groups-for-user": {
                    ArrayNode list = JSON.createArrayNode();
                    user(a.req("--user-name")).groups().forEach(g -> list.add(groupJson(g)));
                    return wrap("Groups", list);
                }
                case "delete-group": {
                    account.deleteGroup(group(a.req("--group-name")).name());
                    return null;
                }
                case "add-user-to-group": {
                    Group g = group(a.req("--group-name"));
                    g.add(account.user(a.req("--user-name")));
                    return null;
                }
                case "remove-user-from-group": {
                    Group g = group(a.req("--group-name"));
                    g.remove(account.user(a.req("--user-name")));
                    return null;
                }
                case "attach-user-policy":
                    user(a.req("--user-name")).attach(policyArn(a.req("--policy-arn")));
                    return null;
                case "detach-user-policy":
                    user(a.req("--user-name")).detach(policyArn(a.req("--policy-arn")));
                    return null;
                case "attach-group-policy":
                    group(a.req("--group-name")).attach(policyArn(a.req("--policy-arn")));
                    return null;
                case "detach-group-policy":
                    group(a.req("--group-name")).detach(policyArn(a.req("--policy-arn")));
                    return null;
                case "attach-role-policy":
                    role(a.req("--role-name")).attach(policyArn(a.req("--policy-arn")));
                    return null;
                case "detach-role-policy":
                    role(a.req("--role-name")).detach(policyArn(a.req("--policy-arn")));
                    return null;
                case "list-attached-user-policies":
                    return attached(user(a.req("--user-name")));
                case "list-attached-group-policies":
                    return attached(group(a.req("--group-name")));
                case "list-attached-role-policies":
                    return attached(role(a.req("--role-name")));
                case "put-user-policy":
                    return putInline(user(a.req("--user-name")));
                case "put-group-policy":
                    return putInline(group(a.req("--group-name")));
                case "put-role-policy":
                    return putInline(role(a.req("--role-name")));
                case "get-user-policy":
                    return getInline(user(a.req("--user-name")), "UserName");
                case "get-group-policy":
                    return getInline(group(a.req("--group-name")), "GroupName");
                case "get-role-policy":
                    return getInline(role(a.req("--role-name")), "RoleName");
                case "list-user-policies":
                    return inlineNames(user(a.req("--user-name")));
                case "list-group-policies":
                    return inlineNames(group(a.req("--group-name")));
                case "list-role-policies":
                    return inlineNames(role(a.req("--role-name")));
                case "delete-user-policy":
                    user(a.req("--user-name")).deleteInline(a.req("--policy-name"));
                    return null;
                case "delete-group-policy":
                    group(a.req("--group-name")).deleteInline(a.req("--policy-name"));
                    return null;
                case "delete-role-policy":
                    role(a.req("--role-name")).deleteInline(a.req("--policy-name"));
                    return null;
                case "create-policy": {
                    String name = a.req("--policy-name");
                    authorize(arn("policy", a.opt("--path"), name));
                    Policy p = account.createPolicy(name, a.opt("--path"),
                            document("--policy-document", PolicyKind.IDENTITY), a.opt("--description"));
                    return wrap("Policy", policyJson(p));
                }
                case "get-policy": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    return wrap("Policy", policyJson(p));
                }
                case "create-policy-version": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    boolean setAsDefault = a.has("--set-as-default") && !a.has("--no-set-as-default");
                    Policy.Version v = account.createPolicyVersion(p.arn(),
                            document("--policy-document", PolicyKind.IDENTITY), setAsDefault);
                    return wrap("PolicyVersion", WorldExport.version(p, v, false));
                }
                case "get-policy-version": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    Policy.Version v = p.version(a.req("--version-id"));
                    return wrap("PolicyVersion", WorldExport.version(p, v, true));
                }
                case "list-policy-versions": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    ArrayNode list = JSON.createArrayNode();
                    List<Policy.Version> versions = p.versions();
                    for (int i = versions.size() - 1; i >= 0; i--) { // newest first, as IAM lists them
                        list.add(WorldExport.version(p, versions.get(i), false));
                    }
                    ObjectNode out = JSON.createObjectNode();
                    out.set("Versions", list);
                    out.put("IsTruncated", false);
                    return out;
                }
                case "set-default-policy-version": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    account.setDefaultPolicyVersion(p.arn(), a.req("--version-id"));
                    return null;
                }
                case "delete-policy-version": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    account.deletePolicyVersion(p.arn(), a.req("--version-id"));
                    return null;
                }
                case "list-policies": {
                    authorize("*");
                    String scope = a.opt("--scope") == null ? "All" : a.opt("--scope");
                    boolean attachedOnly = "true".equals(a.opt("--only-attached")) || a.has("--only-attached");
                    ArrayNode list = JSON.createArrayNode();
                    if (!scope.equals("Local")) {
                        for (org.iamlab.engine.catalog.ManagedPolicy m
                                : org.iamlab.engine.catalog.ManagedPolicyCatalog.aws().all()) {
                            Policy p = world.awsPolicy(m.arn());
                            if (!attachedOnly || p.attachmentCount() > 0) {
                                list.add(policyJson(p));
                            }
                        }
                    }
                    if (!scope.equals("AWS")) {
                        account.customerPolicies().stream().filter(p -> !attachedOnly || p.attachmentCount() > 0)
                                .forEach(p -> list.add(policyJson(p)));
                    }
                    return wrap("Policies", list);
                }
                case "delete-policy": {
                    Policy p = policyArn(a.req("--policy-arn"));
                    authorize(p.arn());
                    account.deletePolicy(p.arn());
                    return null;
                }
                case "create-role": {
                    String name = a.req("--role-name");
                    authorize(arn("role", a.opt("--path"), name));
                    Role r = account.createRole(name, a.opt("--path"),
                            document("--assume-role-policy-document", PolicyKind.TRUST));
                    if (a.opt("--description") != null) {
                        r.description(a.opt("--description"));
                    }
                    if (a.opt("--max-session-duration") != null) {
                        r.maxSessionDuration(Duration.ofSeconds(number("--max-session-duration")));
                    }
                    tags(a.list("--tags")).forEach(r::tag);
                    return wrap("Role", roleJson(r, false));
                }
                case "get-role":
                    return wrap("Role", roleJson(role(a.req("--role-name")), true));
                case "list-roles": {
                    authorize("*");
                    ArrayNode list = JSON.createArrayNode();
                    account.roles().forEach(r -> list.add(roleJson(r, false)));
                    return wrap("Roles", list);
                }
                case "delete-role":
                    account.deleteRole(role(a.req("--role-name")).name());
                    return null;
                case "tag-role": {
                    Role r = role(a.req("--role-name"));
                    tags(a.reqList("--tags")).forEach(r::tag);
                    return null;
                }
                case "update-assume-role-policy":
                    role(a.req("--role-name")).trustPolicy(document("--policy-document", PolicyKind.TRUST));
                    return null;
                case "put-user-permissions-boundary":
                    user(a.req("--user-name")).permissionsBoundary(policyArn(a.req("--permissions-boundary")));
                    return null;
                case "put-role-permissions-boundary":
                    role(a.req("--role-name")).permissionsBoundary(policyArn(a.req("--permissions-boundary")));
                    return null;
                case "delete-user-permissions-boundary":
                    user(a.req("--user-name")).permissionsBoundary(null);
                    return null;
                case "delete-role-permissions-boundary":
                    role(a.req("--role-name")).permissionsBoundary(null);
                    return null;
                case "create-instance-profile": {
                    String name = a.req("--instance-profile-name");
                    authorize(arn("instance-profile", a.opt("--path"), name));
                    return wrap("InstanceProfile", profileJson(account.createInstanceProfile(name, a.opt("--path"))));
                }
                case "get-instance-profile":
                    return wrap("InstanceProfile", profileJson(instanceProfile()));
                case "list-instance-profiles": {
                    authorize("*");
                    ArrayNode list = JSON.createArrayNode();
                    account.instanceProfiles().forEach(p -> list.add(profileJson(p)));
                    return wrap("InstanceProfiles", list);
                }
                case "add-role-to-instance-profile": {
                    InstanceProfile p = instanceProfile();
                    p.addRole(account.role(a.req("--role-name")));
                    return null;
                }
                case "remove-role-from-instance-profile": {
                    InstanceProfile p = instanceProfile();
                    p.removeRole(account.role(a.req("--role-name")));
                    return null;
                }
                case "delete-instance-profile":
                    account.deleteInstanceProfile(instanceProfile().name());
                    return null;
                case "simulate-principal-policy":
                    return simulate();
                case "get-account-authorization-details":
                    authorize("*");
                    return WorldExport.authorizationDetails(account);
                case "create-open-id-connect-provider": {
                    String url = a.req("--url");
                    authorize("arn:aws:iam::" + account.id() + ":oidc-provider/" + url.replaceFirst("^https://", ""));
                    var p = account.createOidcProvider(url, a.list("--client-id-list"), a.list("--thumbprint-list"));
                    return JSON.createObjectNode().put("OpenIDConnectProviderArn", p.arn());
                }
                default:
                    throw new IllegalStateException(operation);
            }
        }

        InstanceProfile instanceProfile() {
            InstanceProfile p = account.instanceProfile(a.req("--instance-profile-name"));
            authorize(p.arn());
            return p;
        }

        long number(String option) {
            try {
                return Long.parseLong(a.req(option));
            } catch (NumberFormatException e) {
                throw new AwsCliException(0, "argument " + option + ": invalid int value: '" + a.req(option) + "'",
                        null);
            }
        }

        JsonNode putInline(PolicyHolder holder) {
            holder.putInline(new InlinePolicy(a.req("--policy-name"), document("--policy-document",
                    PolicyKind.IDENTITY)));
            return null;
        }

        JsonNode getInline(PolicyHolder holder, String field) {
            InlinePolicy p = holder.inline(a.req("--policy-name"));
            ObjectNode n = JSON.createObjectNode();
            n.put(field, holder.name());
            n.put("PolicyName", p.name());
            n.set("PolicyDocument", WorldExport.document(p.text()));
            return n;
        }

        JsonNode inlineNames(PolicyHolder holder) {
            ArrayNode list = JSON.createArrayNode();
            holder.inlinePolicies().keySet().forEach(list::add);
            return wrap("PolicyNames", list);
        }

        JsonNode attached(PolicyHolder holder) {
            ArrayNode list = JSON.createArrayNode();
            for (Policy p : holder.attachedPolicies()) {
                list.addObject().put("PolicyName", p.name()).put("PolicyArn", p.arn());
            }
            return wrap("AttachedPolicies", list);
        }

        JsonNode sts() {
            switch (operation) {
                case "get-caller-identity": {
                    ObjectNode n = JSON.createObjectNode();
                    String userId = caller instanceof User u ? u.id() : caller instanceof Session s ? s.assumedRoleId()
                            : caller instanceof Role r ? r.id() : account.id();
                    n.put("UserId", userId);
                    n.put("Account", account.id());
                    n.put("Arn", caller.principal());
                    return n;
                }
                case "assume-role": {
                    String roleArn = a.req("--role-arn");
                    String sessionName = a.req("--role-session-name");
                    Role role = roleByArn(roleArn);
                    Sts.Options o = new Sts.Options();
                    if (a.opt("--duration-seconds") != null) {
                        o.duration(Duration.ofSeconds(number("--duration-seconds")));
                    }
                    o.externalId(a.opt("--external-id"));
                    o.sourceIdentity(a.opt("--source-identity"));
                    if (a.opt("--policy") != null) {
                        o.sessionPolicy(PolicyText.parse(a.opt("--policy"), PolicyKind.SESSION));
                    }
                    tags(a.list("--tags")).forEach(o::tag);
                    if (a.opt("--serial-number") != null) {
                        a.req("--token-code");
                        o.mfa(true);
                    }
                    Session s = world.sts().assumeRole(caller, role, sessionName, o).session();
                    ObjectNode n = JSON.createObjectNode();
                    Session.Credentials c = s.credentials().orElseThrow();
                    n.putObject("Credentials").put("AccessKeyId", c.accessKeyId())
                            .put("SecretAccessKey", c.secretAccessKey()).put("SessionToken", c.sessionToken())
                            .put("Expiration", WorldExport.date(c.expiration()));
                    n.putObject("AssumedRoleUser").put("AssumedRoleId", s.assumedRoleId()).put("Arn", s.arn());
                    s.sourceIdentity().ifPresent(id -> n.put("SourceIdentity", id));
                    return n;
                }
                default:
                    throw new IllegalStateException(operation);
            }
        }

        Role roleByArn(String arn) {
            if (!arn.startsWith("arn:aws:iam::") || !arn.contains(":role/")) {
                throw AwsCliException.service("ValidationError", api, "1 validation error detected: Value '" + arn
                        + "' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD"
                        + "\\u10000-\\u10FFFF]+", "a role ARN looks like arn:aws:iam::123456789012:role/NAME");
            }
            String accountId = arn.substring("arn:aws:iam::".length(), arn.indexOf(":role/"));
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            Account owner = world.findAccount(accountId).orElseThrow(() -> AwsCliException.service("AccessDenied",
                    api, "User: " + caller.principal() + " is not authorized to perform: sts:AssumeRole on resource: "
                            + arn, "account " + accountId + " is not in the world"));
            return owner.role(name);
        }

        JsonNode ec2() {
            switch (operation) {
                case "run-instances": {
                    a.req("--image-id");
                    String type = a.opt("--instance-type") == null ? "t3.micro" : a.opt("--instance-type");
                    long count = a.opt("--count") == null ? 1 : number("--count");
                    String profile = a.opt("--iam-instance-profile");
                    InstanceProfile launchProfile = profile == null ? null : profileRef(profile);
                    if (launchProfile != null) {
                        launchProfile.role().ifPresent(r -> PassRole.check(caller, r, "ec2.amazonaws.com"));
                    }
                    ArrayNode list = JSON.createArrayNode();
                    for (int i = 0; i < count; i++) {
                        Instance instance = account.createInstance(null, null);
                        ObjectNode n = list.addObject();
                        n.put("InstanceId", instance.id());
                        n.put("ImageId", a.opt("--image-id"));
                        n.put("InstanceType", type);
                        n.putObject("State").put("Code", 0).put("Name", "pending");
                        if (launchProfile != null) {
                            InstanceProfile p = launchProfile;
                            instance.associate(p);
                            n.putObject("IamInstanceProfile").put("Arn", p.arn()).put("Id", p.id());
                        }
                    }
                    return wrap("Instances", list);
                }
                case "associate-iam-instance-profile": {
                    Instance instance = account.instance(a.req("--instance-id"));
                    InstanceProfile p = profileRef(a.req("--iam-instance-profile"));
                    p.role().ifPresent(r -> PassRole.check(caller, r, "ec2.amazonaws.com"));
                    String association = instance.associate(p);
                    ObjectNode n = JSON.createObjectNode();
                    n.put("AssociationId", association);
                    n.put("InstanceId", instance.id());
                    n.putObject("IamInstanceProfile").put("Arn", p.arn()).put("Id", p.id());
                    n.put("State", "associating");
                    return wrap("IamInstanceProfileAssociation", n);
                }
                case "disassociate-iam-instance-profile": {
                    String id = a.req("--association-id");
                    for (Instance instance : account.instances()) {
                        if (instance.associationId().map(id::equals).orElse(false)) {
                            InstanceProfile p = instance.profile().orElseThrow();
                            instance.disassociate();
                            ObjectNode n = JSON.createObjectNode();
                            n.put("AssociationId", id);
                            n.put("InstanceId", instance.id());
                            n.putObject("IamInstanceProfile").put("Arn", p.arn()).put("Id", p.id());
                            n.put("State", "disassociating");
                            return wrap("IamInstanceProfileAssociation", n);
                        }
                    }
                    throw AwsCliException.service("InvalidAssociationID.NotFound", api, "An association ID is required.",
                            null);
                }
                default:
                    throw new IllegalStateException(operation);
            }
        }

        InstanceProfile profileRef(String spec) {
            Map<String, String> s = Args.shorthand(spec);
            if (s.containsKey("Name")) {
                return account.instanceProfile(s.get("Name"));
            }
            if (s.containsKey("Arn")) {
                return account.instanceProfile(s.get("Arn").substring(s.get("Arn").lastIndexOf('/') + 1));
            }
            throw new AwsCliException(0, "argument --iam-instance-profile: expected Name=NAME or Arn=ARN", null);
        }

        /** {@code simulate-principal-policy}: identity-based policies, boundary and SCPs, no resource policy. */
        JsonNode simulate() {
            String source = a.req("--policy-source-arn");
            Actor principal = world.actor(source);
            authorize(source);
            List<String> actions = a.reqList("--action-names");
            List<String> resources = a.list("--resource-arns");
            if (resources.isEmpty()) {
                resources = List.of("*");
            }
            Map<String, Object> context = contextEntries(a.list("--context-entries"));
            String resourcePolicy = a.opt("--resource-policy");
            Map<String, PolicySource> sources = new LinkedHashMap<>();
            world.policySources(principal).forEach(s -> sources.put(s.refName(), s));
            ArrayNode results = JSON.createArrayNode();
            for (String action : actions) {
                for (String resource : resources) {
                    AuthorizationRequest full = world.request(principal, action, resource, context);
                    AuthorizationRequest request = new AuthorizationRequest(full.request(), full.identityPolicies(),
                            resourcePolicy == null ? null : new org.iamlab.engine.authz.AttachedPolicy(
                                    org.iamlab.engine.trace.PolicyRef.of(PolicyKind.RESOURCE, "ResourcePolicy"),
                                    PolicyText.parse(resourcePolicy, PolicyKind.RESOURCE)
                                            .compiled(PolicyKind.RESOURCE)),
                            full.permissionsBoundary(), full.sessionPolicy(), full.serviceControlPolicies(), null);
                    Trace trace = new org.iamlab.engine.authz.Authorizer(world.clock()).authorize(request, true)
                            .trace();
                    results.add(evaluation(action, resource, trace, sources, request));
                }
            }
            return wrap("EvaluationResults", results);
        }

        ObjectNode evaluation(String action, String resource, Trace trace, Map<String, PolicySource> sources,
                              AuthorizationRequest request) {
            ObjectNode n = JSON.createObjectNode();
            n.put("EvalActionName", action);
            n.put("EvalResourceName", resource);
            n.put("EvalDecision", switch (trace.decision()) {
                case ALLOWED -> "allowed";
                case EXPLICITLY_DENIED -> "explicitDeny";
                case IMPLICITLY_DENIED -> "implicitDeny";
            });
            ArrayNode matched = n.putArray("MatchedStatements");
            for (StatementRef ref : trace.reasons()) {
                ObjectNode m = matched.addObject();
                PolicySource s = sources.get(ref.policy().name());
                m.put("SourcePolicyId", s != null ? s.policyName() : ref.policy().name());
                m.put("SourcePolicyType", s != null ? s.type() : switch (ref.policy().kind()) {
                    case RESOURCE -> "resource";
                    case PERMISSIONS_BOUNDARY -> "permissions-boundary";
                    case SERVICE_CONTROL -> "organizations-scp";
                    default -> "none";
                });
                if (s != null) {
                    int[] span = statementSpan(s.text().json(), ref.index());
                    if (span != null) {
                        m.putObject("StartPosition").put("Line", span[0]).put("Column", span[1]);
                        m.putObject("EndPosition").put("Line", span[2]).put("Column", span[3]);
                    }
                }
            }
            Set<String> missing = new LinkedHashSet<>();
            for (PolicyResult p : trace.policies()) {
                for (StatementResult st : p.statements()) {
                    for (ConditionResult c : st.conditions()) {
                        if (c.keyMissing()) {
                            missing.add(c.key());
                        }
                    }
                }
            }
            ArrayNode missingNode = n.putArray("MissingContextValues");
            missing.forEach(missingNode::add);
            if (request.serviceControlPolicies() != null) {
                boolean denied = trace.reasons().stream().anyMatch(r -> r.policy().kind() == PolicyKind.SERVICE_CONTROL)
                        || trace.step(Step.SERVICE_CONTROL_POLICIES).verdict() == Verdict.NO_ALLOW;
                n.putObject("OrganizationsDecisionDetail").put("AllowedByOrganizations", !denied);
            }
            if (request.permissionsBoundary() != null) {
                boolean denied = trace.reasons().stream()
                        .anyMatch(r -> r.policy().kind() == PolicyKind.PERMISSIONS_BOUNDARY)
                        || trace.step(Step.PERMISSIONS_BOUNDARY).verdict() == Verdict.NO_ALLOW;
                n.putObject("PermissionsBoundaryDecisionDetail").put("AllowedByPermissionsBoundary", !denied);
            }
            n.putObject("EvalDecisionDetails");
            return n;
        }

        Map<String, Object> contextEntries(List<String> entries) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String e : entries) {
                if (e.strip().startsWith("[") || e.strip().startsWith("{")) {
                    try {
                        JsonNode node = JSON.readTree(e);
                        for (JsonNode entry : node.isArray() ? node : JSON.createArrayNode().add(node)) {
                            List<String> values = new ArrayList<>();
                            entry.path("ContextKeyValues").forEach(v -> values.add(v.asText()));
                            out.put(entry.path("ContextKeyName").asText(), values);
                        }
                    } catch (JsonProcessingException ex) {
                        throw new AwsCliException(0, "Error parsing parameter '--context-entries': Invalid JSON: "
                                + ex.getOriginalMessage(), null);
                    }
                } else {
                    Map<String, String> s = Args.shorthand(e);
                    if (!s.containsKey("ContextKeyName")) {
                        throw new AwsCliException(0, "Error parsing parameter '--context-entries': expected"
                                + " ContextKeyName=KEY,ContextKeyValues=VALUE,ContextKeyType=TYPE", null);
                    }
                    String values = s.getOrDefault("ContextKeyValues", "");
                    out.put(s.get("ContextKeyName"), List.of(values.replaceAll("^\\[|]$", "").split(",")));
                }
            }
            return out;
        }
    }

    /** The start and end (line, column) of statement {@code index} in a policy's JSON text. */
    static int[] statementSpan(String json, int index) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("Statement")) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.START_OBJECT) {
                    return index == 0 ? span(p) : null;
                }
                int i = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    if (i++ == index) {
                        return span(p);
                    }
                    p.skipChildren();
                }
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static int[] span(JsonParser p) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        p.skipChildren();
        JsonLocation end = p.currentTokenLocation();
        return new int[] {start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr() + 1};
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode n = JSON.createObjectNode();
        n.set(field, value);
        return n;
    }

    private static Map<String, String> tags(List<String> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String spec : specs) {
            if (spec.strip().startsWith("[")) {
                try {
                    for (JsonNode t : JSON.readTree(spec)) {
                        out.put(t.path("Key").asText(), t.path("Value").asText());
                    }
                } catch (JsonProcessingException e) {
                    throw new AwsCliException(0, "Error parsing parameter '--tags': Invalid JSON", null);
                }
            } else {
                Map<String, String> s = Args.shorthand(spec);
                out.put(s.get("Key"), s.getOrDefault("Value", ""));
            }
        }
        return out;
    }

    private static ObjectNode userJson(User u, boolean detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Path", u.path());
        n.put("UserName", u.name());
        n.put("UserId", u.id());
        n.put("Arn", u.arn());
        n.put("CreateDate", WorldExport.date(u.createDate()));
        if (detail) {
            u.permissionsBoundary().ifPresent(b -> n.putObject("PermissionsBoundary")
                    .put("PermissionsBoundaryType", "Policy").put("PermissionsBoundaryArn", b.arn()));
        }
        if (!u.tags().isEmpty()) {
            ArrayNode tags = n.putArray("Tags");
            u.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return n;
    }

    private static ObjectNode groupJson(Group g) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Path", g.path());
        n.put("GroupName", g.name());
        n.put("GroupId", g.id());
        n.put("Arn", g.arn());
        n.put("CreateDate", WorldExport.date(g.createDate()));
        return n;
    }

    private static ObjectNode roleJson(Role r, boolean detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Path", r.path());
        n.put("RoleName", r.name());
        n.put("RoleId", r.id());
        n.put("Arn", r.arn());
        n.put("CreateDate", WorldExport.date(r.createDate()));
        n.set("AssumeRolePolicyDocument", WorldExport.document(r.trustPolicy()));
        r.description().ifPresent(d -> n.put("Description", d));
        if (detail) {
            n.put("MaxSessionDuration", r.maxSessionDuration().toSeconds());
            r.permissionsBoundary().ifPresent(b -> n.putObject("PermissionsBoundary")
                    .put("PermissionsBoundaryType", "Policy").put("PermissionsBoundaryArn", b.arn()));
            n.putObject("RoleLastUsed");
        }
        if (!r.tags().isEmpty()) {
            ArrayNode tags = n.putArray("Tags");
            r.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return n;
    }

    private static ObjectNode policyJson(Policy p) {
        return WorldExport.policy(p, true);
    }

    private static ObjectNode profileJson(InstanceProfile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Path", p.path());
        n.put("InstanceProfileName", p.name());
        n.put("InstanceProfileId", p.id());
        n.put("Arn", p.arn());
        n.put("CreateDate", WorldExport.date(p.createDate()));
        ArrayNode roles = n.putArray("Roles");
        p.role().ifPresent(r -> roles.add(roleJson(r, false)));
        return n;
    }
}
