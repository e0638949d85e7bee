package org.iamlab.engine.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The world as AWS JSON: the organization (OUs, accounts, control policies and where they are attached) and,
 * for each account, what {@code aws iam get-account-authorization-details} returns (users, groups, roles and
 * managed policies with their documents), plus its identity providers, instances and resources with their
 * policies.
 */
public final class WorldExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private WorldExport() {
    }

    /** The world as indented JSON. */
    public static String json(World world) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(world));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 2026-01-05T09:00:00+00:00}, as the AWS CLI prints times. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    public static ObjectNode tree(World world) {
        ObjectNode root = JSON.createObjectNode();
        world.organization().ifPresent(org -> root.set("Organization", organization(org)));
        ArrayNode accounts = root.putArray("Accounts");
        for (Account a : world.accounts()) {
            accounts.add(account(a));
        }
        return root;
    }

    private static ObjectNode organization(Organization org) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Id", org.id());
        o.put("MasterAccountId", org.management().id());
        o.set("Root", unit(org, org.root()));
        ArrayNode policies = o.putArray("Policies");
        for (ControlPolicy p : org.policies()) {
            ObjectNode n = policies.addObject();
            n.put("Id", p.id());
            n.put("Name", p.name());
            n.put("Type", p.type());
            n.put("AwsManaged", p.awsManaged());
            n.set("Content", document(p.text()));
        }
        return o;
    }

    private static ObjectNode unit(Organization org, OrgUnit u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Id", u.id());
        n.put("Name", u.name());
        n.set("Policies", names(org, u));
        ArrayNode accounts = n.putArray("Accounts");
        for (Account a : u.accounts()) {
            ObjectNode an = accounts.addObject();
            an.put("Id", a.id());
            a.alias().ifPresent(alias -> an.put("Alias", alias));
            an.set("Policies", names(org, a));
        }
        ArrayNode children = n.putArray("OrganizationalUnits");
        for (OrgUnit c : u.children()) {
            children.add(unit(org, c));
        }
        return n;
    }

    private static ArrayNode names(Organization org, Object target) {
        ArrayNode out = JSON.createArrayNode();
        org.attached(target).forEach(p -> out.add(p.name()));
        return out;
    }

    private static ObjectNode account(Account a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("AccountId", a.id());
        a.alias().ifPresent(alias -> n.put("Alias", alias));
        n.set("AuthorizationDetails", authorizationDetails(a));
        ArrayNode oidc = n.putArray("OpenIDConnectProviders");
        for (OidcProvider p : a.oidcProviders()) {
            ObjectNode pn = oidc.addObject();
            pn.put("Arn", p.arn());
            pn.put("Url", p.host());
            ArrayNode ids = pn.putArray("ClientIDList");
            p.clientIds().forEach(ids::add);
        }
        ArrayNode saml = n.putArray("SAMLProviders");
        for (SamlProvider p : a.samlProviders()) {
            saml.addObject().put("Arn", p.arn()).put("Issuer", p.issuer());
        }
        ArrayNode instances = n.putArray("Instances");
        for (Instance i : a.instances()) {
            ObjectNode in = instances.addObject();
            in.put("InstanceId", i.id());
            i.profile().ifPresent(p -> in.putObject("IamInstanceProfile").put("Arn", p.arn()).put("Id", p.id()));
        }
        ArrayNode resources = n.putArray("Resources");
        for (Resource r : a.resources()) {
            ObjectNode rn = resources.addObject();
            rn.put("Type", r.type().description());
            rn.put("Name", r.name());
            rn.put("Arn", r.arn());
            r.executionRole().ifPresent(role -> rn.put("Role", role.arn()));
            tags(rn, r.tags());
            r.policy().ifPresent(p -> rn.set("Policy", document(p)));
        }
        return n;
    }

    /** The account's IAM, in the shape of {@code aws iam get-account-authorization-details}. */
    public static ObjectNode authorizationDetails(Account a) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode users = d.putArray("UserDetailList");
        for (User u : a.users()) {
            ObjectNode n = holder(u, "User");
            inline(n, "UserPolicyList", u);
            ArrayNode groups = n.putArray("GroupList");
            u.groups().forEach(g -> groups.add(g.name()));
            attached(n, u);
            u.permissionsBoundary().ifPresent(b -> boundary(n, b));
            tags(n, u.tags());
            users.add(n);
        }
        ArrayNode groups = d.putArray("GroupDetailList");
        for (Group g : a.groups()) {
            ObjectNode n = holder(g, "Group");
            inline(n, "GroupPolicyList", g);
            attached(n, g);
            groups.add(n);
        }
        ArrayNode roles = d.putArray("RoleDetailList");
        for (Role r : a.roles()) {
            ObjectNode n = holder(r, "Role");
            n.set("AssumeRolePolicyDocument", document(r.trustPolicy()));
            ArrayNode profiles = n.putArray("InstanceProfileList");
            for (InstanceProfile p : a.instanceProfiles()) {
                if (p.role().orElse(null) == r) {
                    profiles.addObject().put("InstanceProfileName", p.name()).put("Arn", p.arn());
                }
            }
            inline(n, "RolePolicyList", r);
            attached(n, r);
            r.permissionsBoundary().ifPresent(b -> boundary(n, b));
            tags(n, r.tags());
            n.put("MaxSessionDuration", r.maxSessionDuration().toSeconds());
            roles.add(n);
        }
        ArrayNode policies = d.putArray("Policies");
        for (Policy p : a.customerPolicies()) {
            ObjectNode n = policy(p, false);
            policies.add(n);
            ArrayNode versions = n.putArray("PolicyVersionList");
            p.versions().forEach(v -> versions.add(version(p, v, true)));
        }
        return d;
    }

    /** One version of a managed policy as the IAM API describes it, with its document when {@code withDocument}. */
    public static ObjectNode version(Policy p, Policy.Version v, boolean withDocument) {
        ObjectNode n = JSON.createObjectNode();
        if (withDocument) {
            n.set("Document", document(v.document()));
        }
        n.put("VersionId", v.id());
        n.put("IsDefaultVersion", v == p.defaultVersion());
        n.put("CreateDate", date(v.createDate()));
        return n;
    }

    /**
     * A customer-managed policy as the IAM API describes it (get-policy, list-policies, the export), with its
     * Description when {@code withDescription} and it has one.
     */
    public static ObjectNode policy(Policy p, boolean withDescription) {
        ObjectNode n = JSON.createObjectNode();
        n.put("PolicyName", p.name());
        n.put("PolicyId", p.id());
        n.put("Arn", p.arn());
        n.put("Path", p.path());
        n.put("DefaultVersionId", p.defaultVersionId());
        n.put("AttachmentCount", p.attachmentCount());
        n.put("PermissionsBoundaryUsageCount", p.boundaryOf().size());
        n.put("IsAttachable", true);
        if (withDescription && p.description() != null) {
            n.put("Description", p.description());
        }
        n.put("CreateDate", date(p.createDate()));
        n.put("UpdateDate", date(p.updateDate()));
        return n;
    }

    private static ObjectNode holder(PolicyHolder h, String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Path", h.path());
        n.put(kind + "Name", h.name());
        n.put(kind + "Id", h.id());
        n.put("Arn", h.arn());
        n.put("CreateDate", date(h.createDate()));
        return n;
    }

    private static void inline(ObjectNode n, String field, PolicyHolder h) {
        ArrayNode list = n.putArray(field);
        for (InlinePolicy p : h.inlinePolicies().values()) {
            list.addObject().put("PolicyName", p.name()).set("PolicyDocument", document(p.text()));
        }
    }

    private static void attached(ObjectNode n, PolicyHolder h) {
        ArrayNode list = n.putArray("AttachedManagedPolicies");
        for (Policy p : h.attachedPolicies()) {
            list.addObject().put("PolicyName", p.name()).put("PolicyArn", p.arn());
        }
    }

    private static void boundary(ObjectNode n, Policy b) {
        n.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "Policy")
                .put("PermissionsBoundaryArn", b.arn());
    }

    private static void tags(ObjectNode n, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode list = n.putArray("Tags");
            tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        }
    }

    /** A policy's JSON as a tree (the CLI prints documents decoded, as objects). */
    public static JsonNode document(PolicyText text) {
        try {
            return JSON.readTree(text.json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
