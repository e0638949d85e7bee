package org.iamlab.engine.authz;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.iamlab.engine.eval.Applicability;
import org.iamlab.engine.eval.PreparedRequest;
import org.iamlab.engine.eval.Principal;
import org.iamlab.engine.eval.StatementTally;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyFinding;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.RequestSummary;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.Step;
import org.iamlab.engine.trace.StepResult;
import org.iamlab.engine.trace.Trace;
import org.iamlab.engine.trace.Verdict;

/**
 * Decides requests the way the IAM User Guide's "Policy evaluation logic" and "Cross-account policy
 * evaluation logic" describe:
 * <ol>
 *   <li>any applying Deny, in any applicable policy, denies explicitly;</li>
 *   <li>every level of the resource's RCPs must allow ({@code RCPFullAWSAccess} is attached at each level, so
 *       they only deny) and every level of the principal's SCPs must allow; neither ever grants, and
 *       {@link ControlPolicyReach} says which requests they do not restrict;</li>
 *   <li>within one account, a resource-based policy that names the caller allows on its own; one that names
 *       a role leaves its sessions limited by boundary and session policy; one that names the account defers
 *       to the identity-based policies;</li>
 *   <li>otherwise identity-based policies must allow, then the permissions boundary and the session policy;</li>
 *   <li>across accounts, both the caller's side and the resource's side must allow; role trust policies (for
 *       the requests {@link RoleTrust} names) and KMS key policies must allow even within one account.</li>
 * </ol>
 * The decision is computed by the same code whether or not a trace is asked for; without one nothing is
 * recorded and evaluation stops at the first applying Deny.
 */
public final class Authorizer {

    private final Clock clock;

    /** An authorizer whose {@code aws:CurrentTime} comes from {@code clock}. */
    public Authorizer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An authorizer on the system clock. */
    public static Authorizer withSystemClock() {
        return new Authorizer(Clock.systemUTC());
    }

    /** The decision alone. */
    public Decision decide(AuthorizationRequest request) {
        return authorize(request, false).decision();
    }

    /** The decision, with its trace when {@code explain} is true. */
    public Authorization authorize(AuthorizationRequest in, boolean explain) {
        Principal principal = in.request().principal();
        PreparedRequest request = new PreparedRequest(in.request(), clock.millis(),
                Participants.hasBoundary(principal, in));
        Participants who = new Participants(principal, in, request);
        List<PolicyResult> considered = explain ? new ArrayList<>() : null;

        StatementTally[] rcps = new StatementTally[who.rcp ? in.resourceControlPolicies().size() : 0];
        for (int i = 0; i < rcps.length; i++) {
            rcps[i] = evaluate(in.resourceControlPolicies().get(i).policies(), request, considered, explain);
            if (!explain && rcps[i].denied()) {
                return new Authorization(Decision.EXPLICITLY_DENIED, null);
            }
        }
        StatementTally[] scps = new StatementTally[who.scp ? in.serviceControlPolicies().size() : 0];
        for (int i = 0; i < scps.length; i++) {
            scps[i] = evaluate(in.serviceControlPolicies().get(i).policies(), request, considered, explain);
            if (!explain && scps[i].denied()) {
                return new Authorization(Decision.EXPLICITLY_DENIED, null);
            }
        }
        StatementTally resource = evaluate(in.resourcePolicy(), request, considered, explain);
        StatementTally identity = evaluate(who.identity ? in.identityPolicies() : List.of(), request, considered,
                explain);
        StatementTally boundary = evaluate(who.boundary ? in.permissionsBoundary() : null, request, considered,
                explain);
        StatementTally session = evaluate(who.session ? in.sessionPolicy() : null, request, considered, explain);
        if (!explain && (resource.denied() || identity.denied() || boundary.denied() || session.denied())) {
            return new Authorization(Decision.EXPLICITLY_DENIED, null);
        }

        Combination c = new Combination(in, request, who, explain);
        Decision decision = c.combine(rcps, scps, resource, identity, boundary, session);
        if (!explain) {
            return new Authorization(decision, null);
        }
        return new Authorization(decision, c.trace(decision, considered));
    }

    private static StatementTally evaluate(AttachedPolicy policy, PreparedRequest request,
                                           List<PolicyResult> considered, boolean explain) {
        StatementTally tally = new StatementTally(explain);
        if (policy != null) {
            policy.policy().evaluate(request, policy.ref(), tally, considered);
        }
        return tally;
    }

    private static StatementTally evaluate(List<AttachedPolicy> policies, PreparedRequest request,
                                           List<PolicyResult> considered, boolean explain) {
        StatementTally tally = new StatementTally(explain);
        for (int i = 0; i < policies.size(); i++) {
            AttachedPolicy p = policies.get(i);
            p.policy().evaluate(request, p.ref(), tally, considered);
            if (!explain && tally.denied()) {
                break;
            }
        }
        return tally;
    }

    /** Which policy sets take part, given who is asking. */
    private static final class Participants {
        final boolean iam;
        final boolean root;
        final boolean identity;
        final boolean boundary;
        final boolean session;
        final boolean scp;
        final boolean rcp;
        /** Why the SCPs, and why the RCPs, do not restrict the request; {@code null} when they do. */
        final ControlPolicyReach.ScpExemption scpExemption;
        final ControlPolicyReach.RcpExemption rcpExemption;

        Participants(Principal p, AuthorizationRequest in, PreparedRequest request) {
            iam = p.isIamIdentity();
            root = p instanceof Principal.AccountRoot;
            identity = iam && !root;
            boundary = hasBoundary(p, in);
            session = in.sessionPolicy() != null
                    && (p instanceof Principal.RoleSession || p instanceof Principal.FederatedUser);
            scpExemption = ControlPolicyReach.scpExemption(in, request);
            rcpExemption = ControlPolicyReach.rcpExemption(in, request);
            scp = scpExemption == null;
            rcp = rcpExemption == null;
        }

        static boolean hasBoundary(Principal p, AuthorizationRequest in) {
            return in.permissionsBoundary() != null && (p instanceof Principal.User || p instanceof Principal.Role
                    || p instanceof Principal.RoleSession);
        }
    }

    /** The combining rule, which also writes the steps when explaining. */
    private static final class Combination {
        private final AuthorizationRequest in;
        private final PreparedRequest request;
        private final Participants who;
        private final Map<Step, StepResult> steps;
        private Step decidingStep;
        private List<StatementRef> reasons = List.of();

        Combination(AuthorizationRequest in, PreparedRequest request, Participants who, boolean explain) {
            this.in = in;
            this.request = request;
            this.who = who;
            this.steps = explain ? new EnumMap<>(Step.class) : null;
        }

        Decision combine(StatementTally[] rcps, StatementTally[] scps, StatementTally resource,
                         StatementTally identity, StatementTally boundary, StatementTally session) {
            if (anyDenied(rcps) || anyDenied(scps) || resource.denied() || identity.denied() || boundary.denied()
                    || session.denied()) {
                if (steps != null) {
                    List<StatementRef> denies = new ArrayList<>();
                    for (StatementTally t : rcps) {
                        denies.addAll(t.denies());
                    }
                    for (StatementTally t : scps) {
                        denies.addAll(t.denies());
                    }
                    for (StatementTally t : List.of(resource, identity, boundary, session)) {
                        denies.addAll(t.denies());
                    }
                    note(Step.EXPLICIT_DENY, Verdict.DENY, () -> Explanations.denied(denies, request), denies);
                }
                return decide(Decision.EXPLICITLY_DENIED, Step.EXPLICIT_DENY);
            }
            note(Step.EXPLICIT_DENY, Verdict.PASS, () -> "no applicable statement denies the request", List.of());

            if (who.rcp) {
                note(Step.RESOURCE_CONTROL_POLICIES, Verdict.PASS, () -> "RCPFullAWSAccess is attached at every level of "
                        + "the resource's organization and no RCP denies", List.of());
            } else {
                note(Step.RESOURCE_CONTROL_POLICIES, Verdict.NOT_APPLICABLE,
                        () -> who.rcpExemption.why(in, request), List.of());
            }

            if (!who.scp) {
                note(Step.SERVICE_CONTROL_POLICIES, Verdict.NOT_APPLICABLE,
                        () -> who.scpExemption.why(in), List.of());
            } else {
                List<StatementRef> allows = steps == null ? List.of() : new ArrayList<>();
                for (int i = 0; i < scps.length; i++) {
                    if (!scps[i].allowed()) {
                        String level = in.serviceControlPolicies().get(i).name();
                        note(Step.SERVICE_CONTROL_POLICIES, Verdict.NO_ALLOW, () -> "no SCP at level `"
                                + level + "` allows " + request.request().action()
                                + "; every level from the root to the account must allow", List.of());
                        return decide(Decision.IMPLICITLY_DENIED, Step.SERVICE_CONTROL_POLICIES);
                    }
                    if (steps != null) {
                        allows.addAll(scps[i].allows());
                    }
                }
                note(Step.SERVICE_CONTROL_POLICIES, Verdict.PASS,
                        () -> "an SCP allows the action at every level (SCPs limit; they never grant)", allows);
            }

            Applicability grant = resource.strongestAllow();
            boolean sameAccount = !request.crossAccount();
            String resourceSideRule = resourceSideRule();

            if (!who.iam) {
                return resourceOnly(grant, resource);
            }
            if (in.resourcePolicy() == null) {
                note(Step.RESOURCE_POLICY, resourceSideRule == null ? Verdict.NOT_APPLICABLE : Verdict.NO_ALLOW,
                        () -> resourceSideRule == null ? "no resource-based policy"
                                : "no resource-based policy, and " + resourceSideRule, List.of());
                if (resourceSideRule != null) {
                    return decide(Decision.IMPLICITLY_DENIED, Step.RESOURCE_POLICY);
                }
            } else if (!grant.applies()) {
                note(Step.RESOURCE_POLICY, resourceSideRule == null ? Verdict.PASS : Verdict.NO_ALLOW,
                        () -> "no statement of the " + in.resourcePolicy().ref().kind().description() + " allows "
                                + request.principal().text() + (resourceSideRule == null ? "" : ", and " + resourceSideRule),
                        List.of());
                if (resourceSideRule != null) {
                    return decide(Decision.IMPLICITLY_DENIED, Step.RESOURCE_POLICY);
                }
            } else if (sameAccount && grant == Applicability.NAMES_PRINCIPAL) {
                note(Step.RESOURCE_POLICY, Verdict.ALLOW, () -> "the " + in.resourcePolicy().ref().kind().description()
                        + " names the caller and allows the request; within one account that is enough, whatever the"
                        + " identity-based policies, boundary or session policy say", resource.allows());
                reasons = resource.allows();
                return decide(Decision.ALLOWED, Step.RESOURCE_POLICY);
            } else if (sameAccount && grant == Applicability.NAMES_ROLE) {
                note(Step.RESOURCE_POLICY, Verdict.PASS, () -> "the " + in.resourcePolicy().ref().kind().description()
                        + " allows the role; its sessions stay limited by the permissions boundary and session"
                        + " policy", resource.allows());
                note(Step.IDENTITY_POLICIES, Verdict.NOT_APPLICABLE,
                        () -> "not needed: the resource-based policy grants the role", identity.allows());
                return limits(boundary, session, resource.allows());
            } else {
                note(Step.RESOURCE_POLICY, Verdict.PASS, () -> sameAccount
                        ? "the " + in.resourcePolicy().ref().kind().description()
                                + " allows the caller's account, so its identity-based policies must allow too"
                        : "the resource's account allows the caller (" + describe(grant)
                                + "); across accounts the caller's own policies must allow too", resource.allows());
            }

            if (who.root) {
                note(Step.IDENTITY_POLICIES, Verdict.PASS, () -> "the account's root user is not governed by identity-based"
                        + " policies", List.of());
            } else if (!identity.allowed()) {
                note(Step.IDENTITY_POLICIES, Verdict.NO_ALLOW, () -> in.identityPolicies().isEmpty()
                        ? "the principal has no identity-based policies" : "no identity-based policy allows "
                        + request.request().action() + " on " + request.resource(), List.of());
                return decide(Decision.IMPLICITLY_DENIED, Step.IDENTITY_POLICIES);
            } else {
                note(Step.IDENTITY_POLICIES, Verdict.PASS, () -> "an identity-based policy allows the request",
                        identity.allows());
            }
            List<StatementRef> grants = identity.allows();
            if (steps != null && !resource.allows().isEmpty()) {
                grants = new ArrayList<>(grants);
                grants.addAll(resource.allows());
            }
            return limits(boundary, session, grants);
        }

        /** Service principals, identity providers and anonymous callers: only the resource's side counts. */
        private Decision resourceOnly(Applicability grant, StatementTally resource) {
            note(Step.IDENTITY_POLICIES, Verdict.NOT_APPLICABLE, () -> request.principal().kind()
                    + " principals have no identity-based policies", List.of());
            if (grant.applies()) {
                note(Step.RESOURCE_POLICY, Verdict.ALLOW, () -> "the " + in.resourcePolicy().ref().kind().description()
                        + " allows " + request.principal().text(), resource.allows());
                reasons = resource.allows();
                return decide(Decision.ALLOWED, Step.RESOURCE_POLICY);
            }
            note(Step.RESOURCE_POLICY, Verdict.NO_ALLOW, () -> (in.resourcePolicy() == null
                    ? "no resource-based policy, and only one can allow " + request.principal().text()
                    : "no statement of the " + in.resourcePolicy().ref().kind().description() + " allows "
                    + request.principal().text())
                    + (RoleTrust.isSessionOption(request.actionLower())
                            && RoleTrust.needsTrustPolicy(request.actionLower(), request.resourceArn())
                    ? "; " + RoleTrust.rule(request.actionLower()) : ""), List.of());
            return decide(Decision.IMPLICITLY_DENIED, Step.RESOURCE_POLICY);
        }

        /** The permissions boundary and the session policy, which limit grants and never grant. */
        private Decision limits(StatementTally boundary, StatementTally session, List<StatementRef> grants) {
            if (!who.boundary) {
                note(Step.PERMISSIONS_BOUNDARY, Verdict.NOT_APPLICABLE, () -> "no permissions boundary", List.of());
            } else if (!boundary.allowed()) {
                note(Step.PERMISSIONS_BOUNDARY, Verdict.NO_ALLOW, () -> "the permissions boundary does not allow "
                        + request.request().action() + " (a boundary limits what the identity policies grant)",
                        List.of());
                return decide(Decision.IMPLICITLY_DENIED, Step.PERMISSIONS_BOUNDARY);
            } else {
                note(Step.PERMISSIONS_BOUNDARY, Verdict.PASS, () -> "the permissions boundary allows the request",
                        boundary.allows());
            }
            if (!who.session) {
                note(Step.SESSION_POLICY, Verdict.NOT_APPLICABLE, () -> "no session policy", List.of());
            } else if (!session.allowed()) {
                note(Step.SESSION_POLICY, Verdict.NO_ALLOW, () -> "the session policy does not allow "
                        + request.request().action() + " (a session policy limits the role's permissions)", List.of());
                return decide(Decision.IMPLICITLY_DENIED, Step.SESSION_POLICY);
            } else {
                note(Step.SESSION_POLICY, Verdict.PASS, () -> "the session policy allows the request", session.allows());
            }
            reasons = grants;
            return decide(Decision.ALLOWED, lastApplicableStep());
        }

        private Step lastApplicableStep() {
            if (who.session) {
                return Step.SESSION_POLICY;
            }
            if (who.boundary) {
                return Step.PERMISSIONS_BOUNDARY;
            }
            return Step.IDENTITY_POLICIES;
        }

        /** Why the resource's side must allow, or {@code null} when an identity-based allow may suffice. */
        private String resourceSideRule() {
            if (request.crossAccount()) {
                return "across accounts the resource's account must allow too";
            }
            if (RoleTrust.needsTrustPolicy(request.actionLower(), request.resourceArn())) {
                return RoleTrust.rule(request.actionLower()) + ", even in the same account";
            }
            boolean keyTarget = request.resourceArn() != null && request.resourceArn().service().equals("kms")
                    && request.resourceArn().resource().startsWith("key/");
            if (keyTarget && request.service().equals("kms")) {
                return "a KMS key policy must allow access to the key, even in the same account";
            }
            return null;
        }

        private static String describe(Applicability grant) {
            return switch (grant) {
                case NAMES_ACCOUNT -> "it names the caller's account";
                case NAMES_ROLE -> "it names the caller's role";
                default -> "it names the caller";
            };
        }

        private static boolean anyDenied(StatementTally[] tallies) {
            for (StatementTally t : tallies) {
                if (t.denied()) {
                    return true;
                }
            }
            return false;
        }

        /** Records a step when explaining; the explanation is only worded then. */
        private void note(Step step, Verdict verdict, Supplier<String> explanation, List<StatementRef> statements) {
            if (steps != null) {
                steps.put(step, new StepResult(step, verdict, explanation.get(), statements));
            }
        }

        private Decision decide(Decision decision, Step step) {
            decidingStep = step;
            if (decision == Decision.EXPLICITLY_DENIED && steps != null) {
                reasons = steps.get(Step.EXPLICIT_DENY).statements();
            }
            return decision;
        }

        Trace trace(Decision decision, List<PolicyResult> considered) {
            List<StepResult> ordered = new ArrayList<>();
            for (Step step : Step.values()) {
                StepResult result = steps.get(step);
                ordered.add(result != null ? result
                        : new StepResult(step, Verdict.NOT_REACHED, "the decision was made before this step",
                                List.of()));
            }
            Principal p = request.principal();
            RequestSummary summary = new RequestSummary(p.text(), p.kind(), p.account(), request.request().action(),
                    request.resource(), request.resourceAccount(), request.givenContext());
            return new Trace(summary, decision, decidingStep, reasons, ordered, considered, findings());
        }

        /** The warnings of every policy of the request, in the order the trace lists policies. */
        private List<PolicyFinding> findings() {
            List<AttachedPolicy> all = new ArrayList<>(in.identityPolicies());
            for (AttachedPolicy p : new AttachedPolicy[] {in.resourcePolicy(), in.permissionsBoundary(),
                    in.sessionPolicy()}) {
                if (p != null) {
                    all.add(p);
                }
            }
            for (List<OrganizationLevel> levels : java.util.Arrays.asList(in.serviceControlPolicies(),
                    in.resourceControlPolicies())) {
                if (levels != null) {
                    levels.forEach(level -> all.addAll(level.policies()));
                }
            }
            List<PolicyFinding> out = new ArrayList<>();
            for (AttachedPolicy p : all) {
                p.policy().warnings().forEach(w -> out.add(new PolicyFinding(p.ref(), w)));
            }
            return out;
        }
    }
}
