package org.iamlab.engine.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.RoleTrust;
import org.iamlab.engine.pattern.Wildcard;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;
import org.iamlab.engine.trace.Decision;

/** {@code whoCan} and {@code whatCan}: many requests against one world, each decided by the evaluator. */
final class Questions {

    private final World world;

    Questions(World world) {
        this.world = world;
    }

    WhoCan whoCan(String action, String resource, Map<String, ?> context) {
        List<WhoCan.Entry> entries = new ArrayList<>();
        for (Account a : world.accounts()) {
            for (User u : a.users()) {
                entries.add(new WhoCan.Entry(u.arn(), "user", world.decide(u, action, resource, context)));
            }
            for (Role r : a.roles()) {
                entries.add(new WhoCan.Entry(r.arn(), "role", world.decide(r, action, resource, context)));
            }
        }
        Set<Actor> others = new LinkedHashSet<>();
        for (PolicyDocument policy : policiesOn(action, resource)) {
            for (Statement s : policy.statements()) {
                if (s.principal() == null || s.principal().not()) {
                    continue;
                }
                StringList services = s.principal().principals().get(PrincipalType.SERVICE);
                if (services != null) {
                    services.values().forEach(v -> others.add(new Actor.ServiceCaller(v, null, null)));
                }
                StringList federated = s.principal().principals().get(PrincipalType.FEDERATED);
                if (federated != null) {
                    federated.values().forEach(v -> others.add(new Actor.Federated(v)));
                }
            }
        }
        others.add(new Actor.Anonymous());
        for (Actor other : others) {
            String kind = other instanceof Actor.ServiceCaller ? "service"
                    : other instanceof Actor.Federated ? "federated" : "anonymous";
            entries.add(new WhoCan.Entry(other.principal(), kind, world.decide(other, action, resource, context)));
        }
        return new WhoCan(action, resource, entries);
    }

    /** The resource-based or trust policy of the request's target. */
    private List<PolicyDocument> policiesOn(String action, String resource) {
        List<PolicyDocument> out = new ArrayList<>();
        world.resourceFor(resource).flatMap(Resource::policy).ifPresent(p -> out.add(p.document()));
        if (RoleTrust.needsTrustPolicy(action, resource)) {
            for (Account a : world.accounts()) {
                for (Role r : a.roles()) {
                    if (r.arn().equals(resource)) {
                        out.add(r.trustPolicy().document());
                    }
                }
            }
        }
        return out;
    }

    WhatCan whatCan(Actor caller) {
        Set<WhatCan.Permission> candidates = new LinkedHashSet<>();
        for (AttachedPolicy p : Requests.identityPolicies(caller)) {
            addCandidates(candidates, p.policy().document(), null);
        }
        for (Account a : world.accounts()) {
            for (Resource r : a.resources()) {
                r.policy().ifPresent(p -> addCandidates(candidates, p.document(), r.arn()));
            }
            for (Role r : a.roles()) {
                addCandidates(candidates, r.trustPolicy().document(), r.arn());
            }
        }
        Map<String, List<WhatCan.Permission>> byService = new LinkedHashMap<>();
        for (WhatCan.Permission p : candidates) {
            if (world.decide(caller, p.action(), p.resource(), null) == Decision.ALLOWED) {
                String service = p.action().substring(0, p.action().indexOf(':')).toLowerCase(Locale.ROOT);
                byService.computeIfAbsent(service, k -> new ArrayList<>()).add(p);
            }
        }
        return new WhatCan(caller.principal(), byService);
    }

    private static void addCandidates(Set<WhatCan.Permission> out, PolicyDocument document, String owner) {
        for (Statement s : document.statements()) {
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            List<String> resources = s.resource() == null ? List.of(owner == null ? "*" : owner)
                    : s.resource().not() ? List.of("*") : s.resource().patterns().values();
            for (String action : expand(s)) {
                for (String resource : resources) {
                    out.add(new WhatCan.Permission(action, resource));
                }
            }
        }
    }

    /** The actions a statement's Action (or NotAction) covers, wildcards expanded over the known actions. */
    private static List<String> expand(Statement s) {
        List<String> patterns = s.action().patterns().values();
        List<Wildcard> compiled = patterns.stream().map(p -> Wildcard.compile(p, true)).toList();
        List<String> out = new ArrayList<>();
        if (s.action().not()) {
            for (String action : ActionVocabulary.known()) {
                if (compiled.stream().noneMatch(w -> w.matches(action.toLowerCase(Locale.ROOT)))) {
                    out.add(action);
                }
            }
            return out;
        }
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
                out.add(pattern);
                continue;
            }
            for (String action : ActionVocabulary.known()) {
                if (compiled.get(i).matches(action.toLowerCase(Locale.ROOT))) {
                    out.add(action);
                }
            }
        }
        return out;
    }
}
