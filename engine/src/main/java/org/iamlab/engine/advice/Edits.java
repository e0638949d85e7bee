package org.iamlab.engine.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.eval.Request;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.PolicyRef;

/** Applies {@link Change}s to a copy of an {@link AuthorizationRequest}; the original is never touched. */
final class Edits {

    private Edits() {
    }

    /**
     * The request with every change made. Removals go first, the highest statement index of a policy first,
     * so that the indexes the trace gave stay valid while several statements of one policy are removed.
     */
    static AuthorizationRequest apply(AuthorizationRequest in, List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingInt((Change c) -> c instanceof Change.RemoveStatement ? 0 : 1)
                .thenComparing(c -> c instanceof Change.RemoveStatement r ? -r.statement().index() : 0));
        AuthorizationRequest out = in;
        for (Change c : ordered) {
            out = apply(out, c);
        }
        return out;
    }

    private static AuthorizationRequest apply(AuthorizationRequest in, Change change) {
        if (change instanceof Change.RemoveStatement r) {
            int index = r.statement().index();
            return replace(in, r.statement().policy(), doc -> {
                List<Statement> statements = new ArrayList<>(doc.statements());
                statements.remove(index);
                return new PolicyDocument(doc.version(), doc.id(), statements, false);
            });
        }
        if (change instanceof Change.AddStatement a) {
            if (a.newPolicy()) {
                return attach(in, new AttachedPolicy(a.policy(),
                        CompiledPolicy.compile(PolicyDocument.of(List.of(a.statement())), a.policy().kind())));
            }
            return replace(in, a.policy(), doc -> {
                List<Statement> statements = new ArrayList<>(doc.statements());
                statements.add(a.statement());
                return new PolicyDocument(doc.version(), doc.id(), statements, false);
            });
        }
        Change.SetContext s = (Change.SetContext) change;
        Request r = in.request();
        Map<String, List<String>> context = new LinkedHashMap<>(r.context());
        context.keySet().removeIf(k -> k.equalsIgnoreCase(s.key()));
        if (!s.removesKey()) {
            context.put(s.key(), s.values());
        }
        Request changed = new Request(r.principal(), r.action(), r.resource(), r.resourceAccount(), context);
        return new AuthorizationRequest(changed, in.identityPolicies(), in.resourcePolicy(), in.permissionsBoundary(),
                in.sessionPolicy(), in.serviceControlPolicies(), in.resourceControlPolicies(), in.managementAccount(),
                in.awsManagedKey());
    }

    /** The request with the policy {@code ref} replaced by its edited document, recompiled. */
    private static AuthorizationRequest replace(AuthorizationRequest in, PolicyRef ref,
                                                UnaryOperator<PolicyDocument> edit) {
        boolean[] found = {false};
        UnaryOperator<AttachedPolicy> each = p -> {
            if (p == null || !p.ref().equals(ref) || found[0]) {
                return p;
            }
            found[0] = true;
            return new AttachedPolicy(ref, CompiledPolicy.compile(edit.apply(p.policy().document()), ref.kind()));
        };
        AuthorizationRequest out = new AuthorizationRequest(in.request(), in.identityPolicies().stream().map(each).toList(),
                each.apply(in.resourcePolicy()), each.apply(in.permissionsBoundary()), each.apply(in.sessionPolicy()),
                levels(in.serviceControlPolicies(), each), levels(in.resourceControlPolicies(), each),
                in.managementAccount(), in.awsManagedKey());
        if (!found[0]) {
            throw new IllegalArgumentException("no policy " + ref + " applies to the request");
        }
        return out;
    }

    private static List<OrganizationLevel> levels(List<OrganizationLevel> levels, UnaryOperator<AttachedPolicy> each) {
        if (levels == null) {
            return null;
        }
        return levels.stream().map(l -> new OrganizationLevel(l.name(), l.policies().stream().map(each).toList()))
                .toList();
    }

    /** The request with a new policy attached where its kind (and, for control policies, its level) says. */
    private static AuthorizationRequest attach(AuthorizationRequest in, AttachedPolicy p) {
        List<AttachedPolicy> identity = in.identityPolicies();
        AttachedPolicy resource = in.resourcePolicy();
        AttachedPolicy boundary = in.permissionsBoundary();
        AttachedPolicy session = in.sessionPolicy();
        List<OrganizationLevel> scps = in.serviceControlPolicies();
        List<OrganizationLevel> rcps = in.resourceControlPolicies();
        switch (p.ref().kind()) {
            case IDENTITY -> {
                identity = new ArrayList<>(identity);
                identity.add(p);
            }
            case RESOURCE, TRUST -> resource = vacant(resource, p);
            case PERMISSIONS_BOUNDARY -> boundary = vacant(boundary, p);
            case SESSION -> session = vacant(session, p);
            case SERVICE_CONTROL -> scps = withPolicyAtLevel(scps, p);
            case RESOURCE_CONTROL -> rcps = withPolicyAtLevel(rcps, p);
        }
        return new AuthorizationRequest(in.request(), identity, resource, boundary, session, scps, rcps,
                in.managementAccount(), in.awsManagedKey());
    }

    private static AttachedPolicy vacant(AttachedPolicy existing, AttachedPolicy p) {
        if (existing != null) {
            throw new IllegalArgumentException("the request already has a " + p.ref().kind().description());
        }
        return p;
    }

    private static List<OrganizationLevel> withPolicyAtLevel(List<OrganizationLevel> levels, AttachedPolicy p) {
        if (levels == null || levels.stream().noneMatch(l -> l.name().equals(p.ref().level()))) {
            throw new IllegalArgumentException("no organization level `" + p.ref().level() + "` for " + p.ref());
        }
        return levels.stream().map(l -> {
            if (!l.name().equals(p.ref().level())) {
                return l;
            }
            List<AttachedPolicy> policies = new ArrayList<>(l.policies());
            policies.add(p);
            return new OrganizationLevel(l.name(), policies);
        }).toList();
    }
}
