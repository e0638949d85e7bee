package org.iamlab.engine.world;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.authz.RoleTrust;
import org.iamlab.engine.catalog.ActionCatalog;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.eval.Request;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.PolicyRef;

/**
 * Assembles a request against the world: the policies that apply (the caller's identity-based policies, its
 * boundary and session policy, the target's resource-based or trust policy, the SCPs on the caller's path and
 * the RCPs on the resource's) and the request context AWS would fill in, with the learner's values on top.
 */
final class Requests {

    private final World world;

    Requests(World world) {
        this.world = world;
    }

    /** What a request is on: the world's resource or role (either may be {@code null}) and the owning account. */
    private record Target(Resource resource, PolicyHolder entity, String account, String region) {
    }

    AuthorizationRequest assemble(Actor actor, String action, String resource, Map<String, ?> overrides) {
        Instant now = world.clock().instant();
        if (actor instanceof Session s && s.expiredAt(now)) {
            throw new WorldException("ExpiredToken", "the credentials of session `" + s.name() + "` expired at "
                    + s.expiration().orElseThrow() + " and the world's clock says " + now,
                    "The security token included in the request is expired", s.ofInstance()
                    ? "ask as the instance again: its metadata service has rotated its credentials"
                    : "assume the role again for new credentials");
        }
        if (action == null || action.indexOf(':') <= 0) {
            throw WorldException.invalid("`" + action + "` is not an action",
                    "write actions as `service:Action`, such as `s3:GetObject`");
        }
        Optional<ActionCatalog.Unknown> unknown = ActionCatalog.aws().check(action);
        if (unknown.isPresent()) {
            throw WorldException.invalid(unknown.get().problem(), unknown.get().hint());
        }
        Principal principal = Principal.parse(actor.principal());
        Target target = target(action, resource);

        List<AttachedPolicy> identity = identityPolicies(actor);
        AttachedPolicy boundary = boundary(actor);
        AttachedPolicy sessionPolicy = actor instanceof Session s ? s.sessionPolicy()
                .map(p -> new AttachedPolicy(PolicyRef.of(PolicyKind.SESSION, "session policy of " + s.name()),
                        p.compiled(PolicyKind.SESSION))).orElse(null) : null;
        AttachedPolicy resourcePolicy = resourcePolicy(action, target);

        Organization org = world.organization().orElse(null);
        List<OrganizationLevel> scps = org != null && actor.account() != null
                ? org.levels(actor.account(), PolicyKind.SERVICE_CONTROL) : null;
        Account resourceAccount = target.account() == null ? null : world.findAccount(target.account()).orElse(null);
        List<OrganizationLevel> rcps = org != null && resourceAccount != null && resourceAccount.parent().isPresent()
                ? org.levels(resourceAccount, PolicyKind.RESOURCE_CONTROL) : null;

        Map<String, List<String>> context = context(actor, target, resourceAccount, org, now);
        applyOverrides(context, world.defaultContext());
        applyOverrides(context, overrides);
        Request request = new Request(principal, action, resource, target.account(), context);
        return new AuthorizationRequest(request, identity, resourcePolicy, boundary, sessionPolicy, scps, rcps,
                org == null ? null : org.management().id(), false);
    }

    private Target target(String action, String resource) {
        Arn arn = Arn.parse(resource).orElse(null);
        if (arn == null) {
            return new Target(null, null, null, null);
        }
        String region = arn.region().isEmpty() ? null : arn.region();
        Resource r = world.resourceFor(arn).orElse(null);
        if (r != null) {
            return new Target(r, null, r.account().id(), r.region());
        }
        String account = arn.account().isEmpty() ? null : arn.account();
        if (arn.service().equals("iam") && account != null) {
            Account a = world.findAccount(account).orElse(null);
            String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
            if (a != null && arn.resource().startsWith("role/")) {
                return new Target(null, a.findRole(name).orElse(null), account, region);
            }
            if (a != null && arn.resource().startsWith("user/")) {
                return new Target(null, a.findUser(name).orElse(null), account, region);
            }
        }
        return new Target(null, null, account, region);
    }

    private static AttachedPolicy resourcePolicy(String action, Target target) {
        if (target.entity() instanceof Role role && RoleTrust.needsTrustPolicy(action, role.arn())) {
            return new AttachedPolicy(PolicyRef.of(PolicyKind.TRUST, role.name()),
                    role.trustPolicy().compiled(PolicyKind.TRUST));
        }
        if (target.resource() != null && target.resource().policy().isPresent()) {
            return new AttachedPolicy(PolicyRef.of(PolicyKind.RESOURCE, target.resource().name()),
                    target.resource().policy().get().compiled(PolicyKind.RESOURCE));
        }
        return null;
    }

    static List<AttachedPolicy> identityPolicies(Actor actor) {
        List<AttachedPolicy> out = new ArrayList<>();
        if (actor instanceof User u) {
            add(out, u, null);
            for (Group g : u.groups()) {
                add(out, g, g);
            }
        } else if (actor instanceof Role r) {
            add(out, r, null);
        } else if (actor instanceof Session s) {
            add(out, s.role(), null);
        }
        return out;
    }

    private static void add(List<AttachedPolicy> out, PolicyHolder holder, Group via) {
        for (PolicySource s : sources(holder, via)) {
            out.add(new AttachedPolicy(PolicyRef.of(PolicyKind.IDENTITY, s.refName()),
                    s.text().compiled(PolicyKind.IDENTITY)));
        }
    }

    /** The identity-based policies of a caller with the names the trace gives them. */
    static List<PolicySource> sources(Actor actor) {
        List<PolicySource> out = new ArrayList<>();
        if (actor instanceof User u) {
            out.addAll(sources(u, null));
            for (Group g : u.groups()) {
                out.addAll(sources(g, g));
            }
        } else if (actor instanceof Role r) {
            out.addAll(sources(r, null));
        } else if (actor instanceof Session s) {
            out.addAll(sources(s.role(), null));
        }
        return out;
    }

    private static List<PolicySource> sources(PolicyHolder holder, Group via) {
        List<PolicySource> out = new ArrayList<>();
        String suffix = via == null ? "" : "group " + via.name();
        for (Policy p : holder.attachedPolicies()) {
            // the version in effect is named once there is more than one to choose from
            List<String> notes = new ArrayList<>();
            if (p.versions().size() > 1) {
                notes.add(p.defaultVersionId());
            }
            if (via != null) {
                notes.add(suffix);
            }
            out.add(new PolicySource(p.name() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"),
                    p.name(), p.awsManaged() ? "aws-managed" : "user-managed", p.text()));
        }
        for (InlinePolicy p : holder.inlinePolicies().values()) {
            out.add(new PolicySource(p.name() + " (inline" + (via == null ? "" : ", " + suffix) + ")", p.name(),
                    holder.kind(), p.text()));
        }
        return out;
    }

    static AttachedPolicy boundary(Actor actor) {
        Policy b = actor instanceof User u ? u.permissionsBoundary().orElse(null)
                : actor instanceof Role r ? r.permissionsBoundary().orElse(null)
                : actor instanceof Session s ? s.role().permissionsBoundary().orElse(null) : null;
        return b == null ? null : new AttachedPolicy(PolicyRef.of(PolicyKind.PERMISSIONS_BOUNDARY, b.name()),
                b.text().compiled(PolicyKind.PERMISSIONS_BOUNDARY));
    }

    private Map<String, List<String>> context(Actor actor, Target target, Account resourceAccount, Organization org,
                                              Instant now) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:CurrentTime", List.of(now.truncatedTo(ChronoUnit.SECONDS).toString()));
        c.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        c.put("aws:SecureTransport", List.of("true"));
        c.put("aws:RequestedRegion", List.of(target.region() == null ? Account.DEFAULT_REGION : target.region()));
        c.put("aws:PrincipalIsAWSService", List.of(Boolean.toString(actor instanceof Actor.ServiceCaller)));
        if (actor instanceof User u) {
            c.put("aws:username", List.of(u.name()));
            c.put("aws:userid", List.of(u.id()));
            c.put("aws:PrincipalArn", List.of(u.arn()));
            tags(c, "aws:PrincipalTag/", u.tags());
        } else if (actor instanceof Role r) {
            c.put("aws:userid", List.of(r.id()));
            c.put("aws:PrincipalArn", List.of(r.arn()));
            tags(c, "aws:PrincipalTag/", r.tags());
        } else if (actor instanceof Session s) {
            c.put("aws:userid", List.of(s.assumedRoleId()));
            c.put("aws:PrincipalArn", List.of(s.role().arn()));
            Map<String, String> tags = new LinkedHashMap<>(s.role().tags());
            tags.putAll(s.tags());
            tags(c, "aws:PrincipalTag/", tags);
            s.mfa().ifPresent(m -> c.put("aws:MultiFactorAuthPresent", List.of(m.toString())));
            c.put("aws:TokenIssueTime", List.of(s.issued().truncatedTo(ChronoUnit.SECONDS).toString()));
            s.sourceIdentity().ifPresent(id -> c.put("aws:SourceIdentity", List.of(id)));
            c.putAll(s.context());
        } else if (actor instanceof Actor.RootUser root) {
            c.put("aws:userid", List.of(root.account().id()));
            c.put("aws:PrincipalArn", List.of(root.principal()));
        } else if (actor instanceof Actor.ServiceCaller svc) {
            if (svc.sourceArn() != null) {
                c.put("aws:SourceArn", List.of(svc.sourceArn()));
            }
            if (svc.sourceAccount() != null) {
                c.put("aws:SourceAccount", List.of(svc.sourceAccount()));
            }
        }
        if (actor.account() != null) {
            c.put("aws:PrincipalAccount", List.of(actor.account().id()));
            if (org != null && actor.account().parent().isPresent()) {
                c.put("aws:PrincipalOrgID", List.of(org.id()));
                c.put("aws:PrincipalOrgPaths", List.of(org.orgPath(actor.account())));
            }
        }
        if (target.account() != null) {
            c.put("aws:ResourceAccount", List.of(target.account()));
        }
        if (org != null && resourceAccount != null && resourceAccount.parent().isPresent()) {
            c.put("aws:ResourceOrgID", List.of(org.id()));
            c.put("aws:ResourceOrgPaths", List.of(org.orgPath(resourceAccount)));
        }
        if (target.resource() != null) {
            tags(c, "aws:ResourceTag/", target.resource().tags());
        } else if (target.entity() != null) {
            tags(c, "aws:ResourceTag/", target.entity().tags());
        }
        return c;
    }

    private static void tags(Map<String, List<String>> c, String prefix, Map<String, String> tags) {
        tags.forEach((k, v) -> c.put(prefix + k, List.of(v)));
    }

    /** Puts the learner's values over the filled ones (key names ignore case); {@code null} removes a key. */
    static void applyOverrides(Map<String, List<String>> context, Map<String, ?> overrides) {
        if (overrides == null) {
            return;
        }
        overrides.forEach((key, value) -> {
            for (Iterator<String> it = context.keySet().iterator(); it.hasNext(); ) {
                if (it.next().equalsIgnoreCase(key)) {
                    it.remove();
                }
            }
            if (value != null) {
                context.put(key, values(key, value));
            }
        });
    }

    static List<String> values(String key, Object value) {
        if (value instanceof Collection<?> many) {
            List<String> out = new ArrayList<>();
            for (Object v : many) {
                out.add(single(key, v));
            }
            return out;
        }
        if (value instanceof Object[] array) {
            return values(key, List.of(array));
        }
        return List.of(single(key, value));
    }

    private static String single(String key, Object v) {
        if (v == null) {
            throw WorldException.invalid("context key `" + key + "` has a null value", "leave the value out instead");
        }
        return v.toString();
    }
}
