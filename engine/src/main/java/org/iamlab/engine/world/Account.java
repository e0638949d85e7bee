package org.iamlab.engine.world;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iamlab.engine.catalog.ManagedPolicyCatalog;
import org.iamlab.engine.parse.Hints;

/**
 * An AWS account: its ID and alias, its place in the organization, and what it holds: users, groups, roles,
 * customer managed policies, instance profiles, identity providers, EC2 instances and resources. Names of
 * users, groups, roles, policies and instance profiles are unique within an account, ignoring case, as in IAM.
 */
public final class Account {

    /** The region resources are created in unless one is given. */
    public static final String DEFAULT_REGION = "us-east-1";
    private static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final World world;
    private final String id;
    private String alias;
    private OrgUnit parent;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final Map<String, InstanceProfile> instanceProfiles = new LinkedHashMap<>();
    private final Map<String, OidcProvider> oidcProviders = new LinkedHashMap<>();
    private final Map<String, SamlProvider> samlProviders = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    Account(World world, String id, String alias) {
        this.world = world;
        this.id = Names.accountId(id);
        this.alias = alias;
    }

    public World world() {
        return world;
    }

    public String id() {
        return id;
    }

    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    public void alias(String newAlias) {
        if (newAlias != null && !newAlias.matches("[a-z0-9]([a-z0-9-]{1,61})[a-z0-9]")) {
            throw WorldException.invalid("`" + newAlias + "` is not a valid account alias",
                    "use 3 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen");
        }
        this.alias = newAlias;
    }

    /** The OU (or root) the account is in, when it belongs to the organization. */
    public Optional<OrgUnit> parent() {
        return Optional.ofNullable(parent);
    }

    void parent(OrgUnit unit) {
        this.parent = unit;
    }

    /** The account's root user. */
    public Actor.RootUser root() {
        return new Actor.RootUser(this);
    }

    private String where() {
        return "in account " + id;
    }

    private <T> void checkNew(Map<String, T> map, String kind, String name, String where, String awsKind) {
        for (Map.Entry<String, T> existing : map.entrySet()) {
            if (existing.getKey().equalsIgnoreCase(name)) {
                throw WorldException.alreadyExists(kind, name, where, awsKind.endsWith(".") ? awsKind
                        : awsKind + " with name " + name + " already exists.",
                        world.cells().definedBy(existing.getValue()));
            }
        }
    }

    private <T> T find(Map<String, T> map, String kind, String name, String awsMessage) {
        T found = map.get(name);
        if (found == null) {
            throw WorldException.noSuchEntity(kind, name, where(), map.keySet(), awsMessage);
        }
        return found;
    }

    // Users

    public User createUser(String name, String path) {
        Names.iamName("user", name, 64);
        checkNew(users, "user", name, where(), "User");
        User user = new User(this, name, Names.path(path), world.ids().unique("AIDA", 21), world.clock().instant());
        users.put(name, user);
        return user;
    }

    /** The user called {@code name}, or an error that suggests the closest name. */
    public User user(String name) {
        return find(users, "user", name, "The user with name " + name + " cannot be found.");
    }

    public Optional<User> findUser(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public Collection<User> users() {
        return Collections.unmodifiableCollection(users.values());
    }

    /** Deletes a user, which (as in IAM) must first lose its keys, password, policies and groups. */
    public void deleteUser(String name) {
        User u = user(name);
        if (u.loginProfile().isPresent()) {
            throw WorldException.deleteConflict("user `" + name + "` still has a console password",
                    "Cannot delete entity, must delete login profile first.");
        }
        if (!u.accessKeys().isEmpty()) {
            throw WorldException.deleteConflict("user `" + name + "` still has access keys",
                    "Cannot delete entity, must delete access keys first.");
        }
        if (!u.mfaDevices().isEmpty()) {
            throw WorldException.deleteConflict("user `" + name + "` still has an MFA device",
                    "Cannot delete entity, must delete MFA device first.");
        }
        if (!u.inlinePolicies().isEmpty()) {
            throw WorldException.deleteConflict("user `" + name + "` still has inline policies",
                    "Cannot delete entity, must delete policies first.");
        }
        if (!u.attachedPolicies().isEmpty()) {
            throw WorldException.deleteConflict("user `" + name + "` still has managed policies attached",
                    "Cannot delete entity, must detach all policies first.");
        }
        if (!u.groups().isEmpty()) {
            throw WorldException.deleteConflict("user `" + name + "` is still in groups",
                    "Cannot delete entity, must remove users from group first.");
        }
        u.permissionsBoundary(null);
        users.remove(name);
    }

    // Groups

    public Group createGroup(String name, String path) {
        Names.iamName("group", name, 128);
        checkNew(groups, "group", name, where(), "Group");
        Group group = new Group(this, name, Names.path(path), world.ids().unique("AGPA", 21), world.clock().instant());
        groups.put(name, group);
        return group;
    }

    public Group group(String name) {
        return find(groups, "group", name, "The group with name " + name + " cannot be found.");
    }

    public Optional<Group> findGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Collection<Group> groups() {
        return Collections.unmodifiableCollection(groups.values());
    }

    public void deleteGroup(String name) {
        Group g = group(name);
        if (!g.members().isEmpty()) {
            throw WorldException.deleteConflict("group `" + name + "` still has members",
                    "Cannot delete entity, must remove users from group first.");
        }
        if (!g.inlinePolicies().isEmpty()) {
            throw WorldException.deleteConflict("group `" + name + "` still has inline policies",
                    "Cannot delete entity, must delete policies first.");
        }
        if (!g.attachedPolicies().isEmpty()) {
            throw WorldException.deleteConflict("group `" + name + "` still has managed policies attached",
                    "Cannot delete entity, must detach all policies first.");
        }
        groups.remove(name);
    }

    // Roles

    /** Creates a role; a role cannot exist without a trust policy. */
    public Role createRole(String name, String path, PolicyText trustPolicy) {
        Names.iamName("role", name, 64);
        checkNew(roles, "role", name, where(), "Role");
        if (trustPolicy == null) {
            throw new WorldException("ValidationError", "role `" + name + "` has no trust policy",
                    "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy"
                            + " constraint: Member must not be null",
                    "say who may assume it, e.g. a service such as ec2.amazonaws.com or another account");
        }
        Role role = new Role(this, name, Names.path(path), world.ids().unique("AROA", 21), world.clock().instant(),
                trustPolicy);
        roles.put(name, role);
        return role;
    }

    public Role role(String name) {
        return find(roles, "role", name, "The role with name " + name + " cannot be found.");
    }

    public Optional<Role> findRole(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public Collection<Role> roles() {
        return Collections.unmodifiableCollection(roles.values());
    }

    public void deleteRole(String name) {
        Role r = role(name);
        if (!r.attachedPolicies().isEmpty()) {
            throw WorldException.deleteConflict("role `" + name + "` still has managed policies attached",
                    "Cannot delete entity, must detach all policies first.");
        }
        if (!r.inlinePolicies().isEmpty()) {
            throw WorldException.deleteConflict("role `" + name + "` still has inline policies",
                    "Cannot delete entity, must delete policies first.");
        }
        for (InstanceProfile p : instanceProfiles.values()) {
            if (p.role().orElse(null) == r) {
                throw WorldException.deleteConflict("role `" + name + "` is still in instance profile `" + p.name()
                        + "`", "Cannot delete entity, must remove roles from instance profile first.");
            }
        }
        r.permissionsBoundary(null);
        roles.remove(name);
    }

    // Managed policies

    public Policy createPolicy(String name, String path, PolicyText document, String description) {
        Names.iamName("policy", name, 128);
        checkNew(policies, "policy", name, where(), "A policy called " + name + " already exists. Duplicate names are"
                + " not allowed.");
        String p = Names.path(path);
        Policy policy = new Policy(name, p, "arn:aws:iam::" + id + ":policy" + p + name,
                world.ids().unique("ANPA", 21), false, document, world.clock().instant(), description);
        policies.put(name, policy);
        return policy;
    }

    /** The customer managed policies of this account. */
    public Collection<Policy> customerPolicies() {
        return Collections.unmodifiableCollection(policies.values());
    }

    public Optional<Policy> findCustomerPolicy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /**
     * A managed policy by name or ARN: first this account's customer managed policies, then the AWS managed
     * ones. Unknown names get the closest name of either.
     */
    public Policy policy(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            if (nameOrArn.startsWith("arn:aws:iam::aws:policy/")) {
                return world.awsPolicy(nameOrArn);
            }
            String owner = nameOrArn.startsWith("arn:aws:iam::") && nameOrArn.length() > 25
                    ? nameOrArn.substring(13, 25) : "";
            Account holder = owner.equals(id) ? this : world.findAccount(owner).orElse(null);
            if (holder != null) {
                for (Policy p : holder.policies.values()) {
                    if (p.arn().equals(nameOrArn)) {
                        return p;
                    }
                }
            }
            String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
            List<String> known = new ArrayList<>(holder == null ? List.of() : holder.policies.keySet());
            throw new WorldException("NoSuchEntity", "no policy `" + nameOrArn + "`",
                    "Policy " + nameOrArn + " does not exist or is not attachable.", Hints.didYouMean(name, known));
        }
        Policy own = policies.get(nameOrArn);
        if (own != null) {
            return own;
        }
        if (ManagedPolicyCatalog.aws().find(nameOrArn).isPresent()) {
            return world.awsPolicy(nameOrArn);
        }
        List<String> candidates = new ArrayList<>(policies.keySet());
        String hint = Hints.didYouMean(nameOrArn, candidates);
        if (hint == null) {
            hint = Hints.didYouMean(nameOrArn, ManagedPolicyCatalog.aws().all().stream()
                    .map(org.iamlab.engine.catalog.ManagedPolicy::name).toList());
        }
        throw new WorldException("NoSuchEntity", "no managed policy `" + nameOrArn + "` in account " + id
                + " or among the AWS managed policies", "Policy arn:aws:iam::" + id + ":policy/" + nameOrArn
                + " does not exist or is not attachable.", hint);
    }

    /**
     * Adds a version to a customer managed policy ({@code CreatePolicyVersion}), the default one when
     * {@code setAsDefault}: at most {@link Policy#MAX_VERSIONS} are kept, so a sixth needs one deleted first.
     */
    public Policy.Version createPolicyVersion(String nameOrArn, PolicyText document, boolean setAsDefault) {
        Policy p = changeable(nameOrArn, "CreatePolicyVersion");
        if (p.versions().size() >= Policy.MAX_VERSIONS) {
            throw new WorldException("LimitExceeded", "policy `" + p.name() + "` already keeps "
                    + Policy.MAX_VERSIONS + " versions " + p.versionIds() + ", the most IAM keeps",
                    "A managed policy can have up to " + Policy.MAX_VERSIONS + " versions. Before you create a new"
                            + " version, you must delete an existing version.",
                    "delete a version that is not the default first, e.g. the oldest: deleteVersion '"
                            + oldestNotDefault(p) + "' in edit(policy('" + p.name() + "')) { }, or aws iam"
                            + " delete-policy-version --policy-arn " + p.arn() + " --version-id " + oldestNotDefault(p));
        }
        Policy.Version v = p.addVersion(document, world.clock().instant());
        if (setAsDefault) {
            p.makeDefault(v);
        }
        return v;
    }

    /** Makes a kept version the one in effect ({@code SetDefaultPolicyVersion}): how a change is rolled back. */
    public void setDefaultPolicyVersion(String nameOrArn, String versionId) {
        Policy p = changeable(nameOrArn, "SetDefaultPolicyVersion");
        p.makeDefault(p.version(versionId));
    }

    /** Deletes a version that is not the default ({@code DeletePolicyVersion}); its ID is not used again. */
    public void deletePolicyVersion(String nameOrArn, String versionId) {
        Policy p = changeable(nameOrArn, "DeletePolicyVersion");
        Policy.Version v = p.version(versionId);
        if (v == p.defaultVersion()) {
            throw new WorldException("DeleteConflict", "version " + versionId + " is the default version of policy `"
                    + p.name() + "`", "Cannot delete the default version of a policy.",
                    "make another version the default first (aws iam set-default-policy-version), or delete the"
                            + " whole policy");
        }
        p.removeVersion(v);
    }

    /** A customer managed policy of this account that {@code operation} may change. */
    private Policy changeable(String nameOrArn, String operation) {
        Policy p = policy(nameOrArn);
        if (p.awsManaged()) {
            throw new WorldException("AccessDenied", "AWS managed policies cannot be changed: only AWS changes `"
                    + p.name() + "`", "User is not authorized to perform: iam:" + operation + " on resource: policy "
                    + p.arn(), "make a customer managed copy and change that, e.g. policy('My" + p.name()
                    + "', policy('" + p.name() + "')) in an account block");
        }
        return p;
    }

    private static String oldestNotDefault(Policy p) {
        return p.versions().stream().filter(v -> v != p.defaultVersion()).findFirst().orElseThrow().id();
    }

    public void deletePolicy(String arn) {
        Policy p = policy(arn);
        if (p.awsManaged()) {
            throw new WorldException("AccessDenied", "AWS managed policies cannot be deleted",
                    "User is not authorized to perform: iam:DeletePolicy on resource: policy " + p.arn(), null);
        }
        if (p.attachmentCount() > 0 || !p.boundaryOf().isEmpty()) {
            throw WorldException.deleteConflict("policy `" + p.name() + "` is still attached to "
                    + p.attachedTo().stream().map(h -> h.kind() + " `" + h.name() + "`").toList(),
                    "Cannot delete a policy attached to entities.");
        }
        policies.remove(p.name());
    }

    // Instance profiles

    public InstanceProfile createInstanceProfile(String name, String path) {
        Names.iamName("instance profile", name, 128);
        checkNew(instanceProfiles, "instance profile", name, where(), "Instance Profile");
        InstanceProfile p = new InstanceProfile(this, name, Names.path(path), world.ids().unique("AIPA", 21),
                world.clock().instant());
        instanceProfiles.put(name, p);
        return p;
    }

    public InstanceProfile instanceProfile(String name) {
        return find(instanceProfiles, "instance profile", name, "Instance Profile " + name + " cannot be found.");
    }

    public Collection<InstanceProfile> instanceProfiles() {
        return Collections.unmodifiableCollection(instanceProfiles.values());
    }

    public void deleteInstanceProfile(String name) {
        InstanceProfile p = instanceProfile(name);
        if (p.role().isPresent()) {
            throw WorldException.deleteConflict("instance profile `" + name + "` still holds role `"
                    + p.role().get().name() + "`", "Cannot delete entity, must remove roles from instance profile first.");
        }
        instanceProfiles.remove(name);
    }

    // Identity providers

    public OidcProvider createOidcProvider(String url, List<String> clientIds, List<String> thumbprints) {
        String u = url.startsWith("https://") ? url : "https://" + url;
        String host = OidcProvider.host(u);
        if (oidcProviders.containsKey(host)) {
            throw WorldException.alreadyExists("OIDC provider", u, where(), "Provider with url " + u
                    + " already exists.", world.cells().definedBy(oidcProviders.get(host)));
        }
        OidcProvider p = new OidcProvider(this, "https://" + host, clientIds, thumbprints, world.clock().instant());
        oidcProviders.put(host, p);
        return p;
    }

    /** The OIDC provider with this URL (with or without {@code https://}) or ARN. */
    public OidcProvider oidcProvider(String urlOrArn) {
        String host = urlOrArn.contains(":oidc-provider/")
                ? urlOrArn.substring(urlOrArn.indexOf(":oidc-provider/") + ":oidc-provider/".length())
                : OidcProvider.host(urlOrArn);
        return find(oidcProviders, "OIDC provider", host, "OpenIDConnect provider arn:aws:iam::" + id
                + ":oidc-provider/" + host + " not found.");
    }

    public Optional<OidcProvider> findOidcProvider(String url) {
        return Optional.ofNullable(oidcProviders.get(OidcProvider.host(url)));
    }

    public Collection<OidcProvider> oidcProviders() {
        return Collections.unmodifiableCollection(oidcProviders.values());
    }

    public SamlProvider createSamlProvider(String name, String issuer) {
        Names.iamName("SAML provider", name, 128);
        checkNew(samlProviders, "SAML provider", name, where(), "SAMLProvider");
        SamlProvider p = new SamlProvider(this, name, issuer, world.clock().instant());
        samlProviders.put(name, p);
        return p;
    }

    /** The SAML provider with this name or ARN. */
    public SamlProvider samlProvider(String nameOrArn) {
        String name = nameOrArn.contains(":saml-provider/") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1)
                : nameOrArn;
        return find(samlProviders, "SAML provider", name, "SAMLProvider arn:aws:iam::" + id + ":saml-provider/"
                + name + " does not exist.");
    }

    public Collection<SamlProvider> samlProviders() {
        return Collections.unmodifiableCollection(samlProviders.values());
    }

    // EC2 instances

    /** Launches an instance; {@code id} may be {@code null} for a generated {@code i-...} ID. */
    public Instance createInstance(String instanceId, String region) {
        String iid = instanceId == null ? "i-0" + world.ids().hex(16) : instanceId;
        if (!iid.matches("i-[0-9a-f]{8,17}")) {
            throw WorldException.invalid("`" + iid + "` is not an EC2 instance ID",
                    "instance IDs look like `i-0abcd1234ef567890`");
        }
        if (instances.containsKey(iid) || world.findInstance(iid).isPresent()) {
            throw WorldException.alreadyExists("instance", iid, "in the world", "Instance " + iid + " already exists.",
                    world.cells().definedBy(world.findInstance(iid).orElse(null)));
        }
        Instance i = new Instance(this, iid, region == null ? DEFAULT_REGION : region);
        instances.put(iid, i);
        return i;
    }

    public Instance instance(String instanceId) {
        Instance i = instances.get(instanceId);
        if (i == null) {
            throw new WorldException("InvalidInstanceID.NotFound", "no EC2 instance `" + instanceId + "` " + where(),
                    "The instance ID '" + instanceId + "' does not exist", Hints.didYouMean(instanceId,
                    instances.keySet()));
        }
        return i;
    }

    Optional<Instance> findInstance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    public Collection<Instance> instances() {
        return Collections.unmodifiableCollection(instances.values());
    }

    // Resources

    /** Creates a resource of {@code type} called {@code name} in {@code region} (or the default region). */
    public Resource createResource(ResourceType type, String name, String region) {
        if (type == ResourceType.DYNAMODB_STREAM) {
            throw WorldException.invalid("a DynamoDB stream belongs to a table", "enable the table's stream");
        }
        if (name == null || name.isBlank()) {
            throw WorldException.invalid("a " + type.description() + " needs a name", null);
        }
        if (type == ResourceType.S3_BUCKET && !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw WorldException.invalid("`" + name + "` is not a valid bucket name",
                    "use 3 to 63 lower-case letters, digits, dots and hyphens");
        }
        String key = type.word() + "/" + name;
        if (resources.containsKey(key) || (type == ResourceType.S3_BUCKET && world.findBucket(name).isPresent())) {
            Resource existing = resources.containsKey(key) ? resources.get(key) : world.findBucket(name).orElse(null);
            throw WorldException.alreadyExists(type.description(), name, type == ResourceType.S3_BUCKET
                    ? "(bucket names are global)" : where(), type.description() + " " + name + " already exists.",
                    world.cells().definedBy(existing));
        }
        String id = switch (type) {
            case KMS_KEY -> world.ids().uuid();
            case API_GATEWAY -> world.ids().lowerAlnum(10);
            case SECRET -> world.ids().lowerAlnum(6);
            default -> null;
        };
        Resource r = new Resource(type, this, name, region == null ? DEFAULT_REGION : region, id);
        resources.put(key, r);
        world.indexResource(r);
        return r;
    }

    /**
     * Enables the stream of {@code table}, a DynamoDB table of this account; the stream's label is the world's
     * time, as DynamoDB labels it ({@code 2026-01-05T09:00:00.000}).
     */
    public Resource enableStream(Resource table) {
        if (table.type() != ResourceType.DYNAMODB_TABLE || table.account() != this) {
            throw WorldException.invalid("only a DynamoDB table of account " + id + " has a stream, not `"
                    + table.arn() + "`", null);
        }
        String key = ResourceType.DYNAMODB_STREAM.word() + "/" + table.name();
        if (resources.containsKey(key)) {
            return resources.get(key);
        }
        String label = STREAM_LABEL.format(world.clock().instant());
        Resource stream = new Resource(ResourceType.DYNAMODB_STREAM, this, table.name(), table.region(), label);
        resources.put(key, stream);
        world.indexResource(stream);
        return stream;
    }

    /** The stream of DynamoDB table {@code table}, when enabled. */
    public Optional<Resource> stream(Resource table) {
        return Optional.ofNullable(resources.get(ResourceType.DYNAMODB_STREAM.word() + "/" + table.name()));
    }

    /** The resource of {@code type} called {@code name}. */
    public Resource resource(ResourceType type, String name) {
        Resource r = resources.get(type.word() + "/" + name);
        if (r == null) {
            List<String> sameType = resources.values().stream().filter(x -> x.type() == type).map(Resource::name)
                    .toList();
            throw WorldException.noSuchEntity(type.description(), name, where(), sameType,
                    type.description() + " " + name + " does not exist.");
        }
        return r;
    }

    public Collection<Resource> resources() {
        return Collections.unmodifiableCollection(resources.values());
    }

    /** Every name of {@code kind} ({@code user}, {@code role}, ...), for suggestions. */
    public List<String> names(String kind) {
        Function<String, List<String>> of = k -> switch (k) {
            case "user" -> List.copyOf(users.keySet());
            case "group" -> List.copyOf(groups.keySet());
            case "role" -> List.copyOf(roles.keySet());
            case "policy" -> List.copyOf(policies.keySet());
            default -> List.of();
        };
        return of.apply(kind.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return alias == null ? id : id + " (" + alias + ")";
    }
}
