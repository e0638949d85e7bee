package org.iamlab.engine.advice;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.iamlab.engine.authz.AttachedPolicy;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.authz.OrganizationLevel;
import org.iamlab.engine.authz.RoleTrust;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.policy.ActionElement;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.ResourceElement;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.StatementResult;
import org.iamlab.engine.trace.Step;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * Finds what would change a decision, starting from its trace, and keeps only what re-evaluation confirms.
 * <ul>
 *   <li>Explicitly denied: remove the applying Deny statements, or send context values under which their
 *       conditions fail; then, if the request is still implicitly denied, add the missing allows.</li>
 *   <li>Implicitly denied: send context values that satisfy the conditions of an Allow statement that failed
 *       only on them, or add an Allow statement where the deciding step needs one (an identity-based policy, the
 *       permissions boundary, the session policy, an SCP level, or the resource's side: its resource-based or
 *       trust policy naming the caller), repeating while a later step still lacks an allow.</li>
 *   <li>Allowed: remove one statement that grants or lets the request through (each alone, then all grants
 *       together), send context values under which a granting statement's condition fails, or under which a
 *       Deny statement's conditions hold.</li>
 * </ul>
 * Every suggestion is re-evaluated with the {@link Authorizer} and kept only when its outcome is the one
 * wanted; its changes are then pruned to a minimal set (no change can be left out and keep the outcome).
 */
public final class Advisor {

    /** How many missing allows are added one after another before giving up. */
    private static final int MAX_ADDED_ALLOWS = 4;
    /** At most this many suggestions are returned. */
    private static final int MAX_SUGGESTIONS = 6;

    private final Authorizer authorizer;

    public Advisor(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** What would change the decision for {@code request}. */
    public Advice advise(AuthorizationRequest request) {
        return advise(request, authorizer.authorize(request, true).trace());
    }

    /** What would change the decision for {@code request}, whose trace (by the same authorizer) is {@code trace}. */
    public Advice advise(AuthorizationRequest request, Trace trace) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trace, "trace");
        List<Suggestion> suggestions = trace.decision() == Decision.ALLOWED ? toDeny(request, trace)
                : toAllow(request, trace);
        return new Advice(trace.decision(), suggestions);
    }

    /** The decision for {@code request} with {@code changes} made. */
    public Decision decide(AuthorizationRequest request, List<Change> changes) {
        return authorizer.decide(Edits.apply(request, changes));
    }

    /** {@code request} with {@code changes} made; the original is left as it is. */
    public static AuthorizationRequest apply(AuthorizationRequest request, List<Change> changes) {
        return Edits.apply(request, changes);
    }

    private List<Suggestion> toAllow(AuthorizationRequest request, Trace trace) {
        List<List<Change>> starts = new ArrayList<>();
        if (trace.decision() == Decision.EXPLICITLY_DENIED) {
            starts.add(trace.reasons().stream().<Change>map(Change.RemoveStatement::new).toList());
            List<Change> avoidDenies = new ArrayList<>();
            for (int i = 0; i < trace.reasons().size() && avoidDenies != null; i++) {
                avoidDenies = withConditions(request, avoidDenies, result(trace, trace.reasons().get(i)), false);
            }
            if (avoidDenies != null) {
                starts.add(avoidDenies);
            }
        } else {
            Set<PolicyKind> kinds = kindsOf(trace.decidingStep());
            for (PolicyResult p : trace.policies()) {
                if (!kinds.contains(p.policy().kind())) {
                    continue;
                }
                for (StatementResult s : p.statements()) {
                    if (s.effect() == Effect.ALLOW && failsOnlyOnConditions(s)) {
                        List<Change> plan = withConditions(request, List.of(), s, true);
                        if (plan != null) {
                            starts.add(plan);
                        }
                    }
                }
            }
            starts.add(List.of());
        }
        List<Suggestion> out = new ArrayList<>();
        Set<Set<Change>> seen = new HashSet<>();
        for (int i = 0; i < starts.size() && out.size() < MAX_SUGGESTIONS; i++) {
            Suggestion s = completeToAllow(request, starts.get(i));
            if (s != null && seen.add(Set.copyOf(s.changes()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Adds missing allows to {@code start} until the request is allowed; {@code null} when that fails. */
    private Suggestion completeToAllow(AuthorizationRequest request, List<Change> start) {
        List<Change> plan = new ArrayList<>(start);
        for (int i = 0; i <= MAX_ADDED_ALLOWS; i++) {
            AuthorizationRequest changed = Edits.apply(request, plan);
            Trace t = authorizer.authorize(changed, true).trace();
            if (t.decision() == Decision.ALLOWED) {
                return plan.isEmpty() ? null : new Suggestion(minimal(request, plan, d -> d == Decision.ALLOWED),
                        Decision.ALLOWED);
            }
            if (t.decision() == Decision.EXPLICITLY_DENIED) {
                return null;
            }
            Change missing = missingAllow(changed, t);
            if (missing == null || plan.contains(missing)) {
                return null;
            }
            plan.add(missing);
        }
        return null;
    }

    private List<Suggestion> toDeny(AuthorizationRequest request, Trace trace) {
        List<List<Change>> starts = new ArrayList<>();
        Set<StatementRef> letThrough = new LinkedHashSet<>(trace.reasons());
        for (StepResult step : trace.steps()) {
            if (step.verdict() == Verdict.PASS || step.verdict() == Verdict.ALLOW) {
                letThrough.addAll(step.statements());
            }
        }
        for (StatementRef ref : letThrough) {
            starts.add(List.of(new Change.RemoveStatement(ref)));
        }
        if (trace.reasons().size() > 1) {
            starts.add(trace.reasons().stream().<Change>map(Change.RemoveStatement::new).toList());
        }
        for (StatementRef ref : trace.reasons()) {
            List<Change> plan = withConditions(request, List.of(), result(trace, ref), false);
            if (plan != null) {
                starts.add(plan);
            }
        }
        for (PolicyResult p : trace.policies()) {
            for (StatementResult s : p.statements()) {
                if (s.effect() == Effect.DENY && failsOnlyOnConditions(s)) {
                    List<Change> plan = withConditions(request, List.of(), s, true);
                    if (plan != null) {
                        starts.add(plan);
                    }
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        Set<Set<Change>> seen = new HashSet<>();
        Predicate<Decision> denied = d -> d != Decision.ALLOWED;
        for (int i = 0; i < starts.size() && out.size() < MAX_SUGGESTIONS; i++) {
            List<Change> start = starts.get(i);
            Decision decision = start.isEmpty() ? Decision.ALLOWED : decide(request, start);
            if (!denied.test(decision)) {
                continue;
            }
            List<Change> changes = minimal(request, start, denied);
            if (seen.add(Set.copyOf(changes))) {
                out.add(new Suggestion(changes, changes.size() == start.size() ? decision : decide(request, changes)));
            }
        }
        return out;
    }

    /**
     * {@code plan} plus context changes under which {@code s}'s conditions all hold ({@code hold}) or one of them
     * fails (not {@code hold}), each change checked by re-evaluating; {@code null} when none is found.
     */
    private List<Change> withConditions(AuthorizationRequest request, List<Change> plan, StatementResult s,
                                        boolean hold) {
        if (s == null || s.stoppedAtAction() || s.conditions().isEmpty()) {
            return null;
        }
        List<Change> out = new ArrayList<>(plan);
        for (int i = 0; i < s.conditions().size(); i++) {
            ConditionResult c = s.conditions().get(i);
            if (c.holds() == hold) {
                continue;
            }
            Change found = null;
            for (Change.SetContext candidate : ContextCandidates.of(c)) {
                List<Change> attempt = new ArrayList<>(out);
                attempt.removeIf(x -> x instanceof Change.SetContext sc && sc.key().equalsIgnoreCase(c.key()));
                attempt.add(candidate);
                if (conditionHolds(request, attempt, s.ref(), i) == hold) {
                    found = candidate;
                    out = attempt;
                    break;
                }
            }
            if (found == null && hold) {
                return null;
            }
            if (found != null && !hold) {
                return out;
            }
        }
        return hold ? out : null;
    }

    private boolean conditionHolds(AuthorizationRequest request, List<Change> changes, StatementRef ref, int index) {
        Trace t = authorizer.authorize(Edits.apply(request, changes), true).trace();
        StatementResult s = result(t, ref);
        return s != null && !s.stoppedAtAction() && s.conditions().get(index).holds();
    }

    /** Leaves out each change in turn, last first, while the outcome stays {@code wanted}. */
    private List<Change> minimal(AuthorizationRequest request, List<Change> changes, Predicate<Decision> wanted) {
        List<Change> out = new ArrayList<>(changes);
        for (int i = out.size() - 1; i >= 0 && out.size() > 1; i--) {
            List<Change> fewer = new ArrayList<>(out);
            fewer.remove(i);
            if (wanted.test(decide(request, fewer))) {
                out = fewer;
            }
        }
        return out;
    }

    /** The Allow statement that the step which implicitly denied {@code t} lacks, and where it would go. */
    private static Change missingAllow(AuthorizationRequest in, Trace t) {
        String action = in.request().action();
        Statement allow = allow(action, new ResourceElement(false, StringList.of(in.request().resource())), null);
        String name = sidFor(action);
        return switch (t.decidingStep()) {
            case IDENTITY_POLICIES -> in.identityPolicies().isEmpty()
                    ? new Change.AddStatement(PolicyRef.of(PolicyKind.IDENTITY, name), true,
                    allow)
                    : new Change.AddStatement(in.identityPolicies().get(0).ref(), false, allow);
            case PERMISSIONS_BOUNDARY -> in.permissionsBoundary() == null ? null
                    : new Change.AddStatement(in.permissionsBoundary().ref(), false, allow);
            case SESSION_POLICY -> in.sessionPolicy() == null ? null
                    : new Change.AddStatement(in.sessionPolicy().ref(), false, allow);
            case SERVICE_CONTROL_POLICIES -> scpAllow(in, t, allow, name);
            case RESOURCE_POLICY -> resourceSideAllow(in, action);
            default -> null;
        };
    }

    private static Change scpAllow(AuthorizationRequest in, Trace t, Statement allow, String name) {
        if (in.serviceControlPolicies() == null) {
            return null;
        }
        Set<String> allowingLevels = new HashSet<>();
        for (PolicyResult p : t.policies()) {
            if (p.policy().kind() == PolicyKind.SERVICE_CONTROL
                    && p.statements().stream().anyMatch(s -> s.applies() && s.effect() == Effect.ALLOW)) {
                allowingLevels.add(p.policy().level());
            }
        }
        for (OrganizationLevel level : in.serviceControlPolicies()) {
            if (!allowingLevels.contains(level.name())) {
                return level.policies().isEmpty()
                        ? new Change.AddStatement(new PolicyRef(PolicyKind.SERVICE_CONTROL,
                        name, level.name()), true, allow)
                        : new Change.AddStatement(level.policies().get(0).ref(), false, allow);
            }
        }
        return null;
    }

    /** A grant on the resource's side: its resource-based (or trust) policy naming the caller. */
    private static Change resourceSideAllow(AuthorizationRequest in, String action) {
        PrincipalElement who = principalElement(in.request().principal());
        AttachedPolicy existing = in.resourcePolicy();
        PolicyKind kind = existing != null ? existing.ref().kind() : isTrustRequest(in) ? PolicyKind.TRUST
                : PolicyKind.RESOURCE;
        ResourceElement resource = kind == PolicyKind.TRUST ? null
                : new ResourceElement(false, StringList.of(in.request().resource()));
        Statement allow = allow(action, resource, who);
        return existing != null ? new Change.AddStatement(existing.ref(), false, allow)
                : new Change.AddStatement(PolicyRef.of(kind,
                kind == PolicyKind.TRUST ? "TrustPolicy" : "ResourcePolicy"), true, allow);
    }

    private static boolean isTrustRequest(AuthorizationRequest in) {
        return RoleTrust.needsTrustPolicy(in.request().action(), in.request().resource());
    }

    /** How a resource-based policy names the caller: a session by its role, a service or provider by type. */
    private static PrincipalElement principalElement(Principal p) {
        if (p instanceof Principal.Anonymous) {
            return PrincipalElement.anyone();
        }
        PrincipalType type = p instanceof Principal.Service ? PrincipalType.SERVICE
                : p instanceof Principal.IdentityProvider ? PrincipalType.FEDERATED : PrincipalType.AWS;
        String name = p instanceof Principal.RoleSession s ? s.roleArn() : p.text();
        return new PrincipalElement(false, false, Map.of(type, StringList.of(name)));
    }

    private static Statement allow(String action, ResourceElement resource, PrincipalElement principal) {
        return new Statement(sidFor(action), Effect.ALLOW, new ActionElement(false, StringList.of(action)), resource,
                principal, List.of());
    }

    /** {@code s3:GetObject} -> {@code AllowS3GetObject}: a Sid (letters and digits only). */
    static String sidFor(String action) {
        StringBuilder sid = new StringBuilder("Allow");
        boolean upper = true;
        for (char ch : action.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                sid.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sid.toString();
    }

    /** True for a statement whose action, resource and principal hold and some condition fails. */
    private static boolean failsOnlyOnConditions(StatementResult s) {
        return !s.applies() && !s.stoppedAtAction() && (s.resource() == null || s.resource().holds())
                && (s.principal() == null || s.principal().holds())
                && s.conditions().stream().anyMatch(c -> !c.holds());
    }

    private static StatementResult result(Trace t, StatementRef ref) {
        for (PolicyResult p : t.policies()) {
            if (p.policy().equals(ref.policy()) && ref.index() < p.statements().size()) {
                return p.statements().get(ref.index());
            }
        }
        return null;
    }

    /** The kinds of policy whose Allow statements the step needs. */
    private static Set<PolicyKind> kindsOf(Step step) {
        if (step == null) {
            return Set.of();
        }
        return switch (step) {
            case IDENTITY_POLICIES -> EnumSet.of(PolicyKind.IDENTITY);
            case RESOURCE_POLICY -> EnumSet.of(PolicyKind.RESOURCE, PolicyKind.TRUST);
            case PERMISSIONS_BOUNDARY -> EnumSet.of(PolicyKind.PERMISSIONS_BOUNDARY);
            case SESSION_POLICY -> EnumSet.of(PolicyKind.SESSION);
            case SERVICE_CONTROL_POLICIES -> EnumSet.of(PolicyKind.SERVICE_CONTROL);
            default -> Set.of();
        };
    }
}
