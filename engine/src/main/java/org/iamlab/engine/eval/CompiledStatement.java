package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.condition.CompiledCondition;
import org.iamlab.engine.policy.Condition;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.ConditionResult;
import org.iamlab.engine.trace.ElementResult;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.StatementRef;
import org.iamlab.engine.trace.StatementResult;

/**
 * One statement compiled for repeated evaluation. A statement applies when its Action/NotAction,
 * Resource/NotResource, Principal/NotPrincipal (in policies that name principals) and every condition hold
 * (IAM User Guide, "IAM JSON policy elements"). A statement of such a policy without a Principal applies to
 * nobody.
 *
 * <p>The elements after the action are compiled the first time a request gets as far as them: a policy read
 * for one request (most policies of a simulation file) then compiles only what that request needs. Two threads
 * may compile the same element at once; either copy is as good. A matcher is published through its final fields,
 * the array of conditions through a volatile one.
 */
public final class CompiledStatement {

    private static final CompiledCondition[] NO_CONDITIONS = new CompiledCondition[0];

    private final Statement source;
    private final int index;
    private final boolean variablesEnabled;
    private final ActionMatcher action;
    private final boolean namesPrincipals;
    /** Null until needed, and for a statement without the element. */
    private ResourceMatcher resource;
    private PrincipalMatcher principal;
    private volatile CompiledCondition[] conditions;

    CompiledStatement(Statement source, int index, PolicyKind kind, boolean variablesEnabled) {
        this.source = source;
        this.index = index;
        this.variablesEnabled = variablesEnabled;
        this.action = new ActionMatcher(source.action());
        this.namesPrincipals = kind.namesPrincipals();
        this.conditions = source.conditions().isEmpty() ? NO_CONDITIONS : null;
    }

    private ResourceMatcher resource() {
        ResourceMatcher r = resource;
        if (r == null && source.resource() != null) {
            r = new ResourceMatcher(source.resource(), variablesEnabled);
            resource = r;
        }
        return r;
    }

    private PrincipalMatcher principal() {
        PrincipalMatcher p = principal;
        if (p == null && source.principal() != null) {
            p = new PrincipalMatcher(source.principal());
            principal = p;
        }
        return p;
    }

    private CompiledCondition[] conditions() {
        CompiledCondition[] c = conditions;
        if (c == null) {
            List<Condition> written = source.conditions();
            c = new CompiledCondition[written.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = CompiledCondition.compile(written.get(i), variablesEnabled);
            }
            conditions = c;
        }
        return c;
    }

    /** The trace entry of statement {@code index}, {@code source}, for a request whose action it does not name. */
    static StatementResult otherActions(Statement source, int index, PolicyRef policy) {
        return StatementResult.actionMismatch(new StatementRef(policy, index, source.sid()), source.effect(),
                new ElementResult(source.action().jsonName(), false, null));
    }

    public Statement source() {
        return source;
    }

    public Effect effect() {
        return source.effect();
    }

    /** The statement's position in its policy, from 0. */
    public int index() {
        return index;
    }

    ActionMatcher actionMatcher() {
        return action;
    }

    /**
     * Whether, and how, the statement applies to {@code request}. With a {@code trace} list, the result is
     * appended to it, and once the action matches every element is evaluated (not only up to the first that
     * fails), so the trace shows each reason; the answer is the same.
     */
    public Applicability evaluate(PreparedRequest request, PolicyRef policy, List<StatementResult> trace) {
        return evaluate(request, policy, trace, action.patternsFor(request.service()));
    }

    /** As {@link #evaluate(PreparedRequest, PolicyRef, List)}, with this statement's patterns for the service. */
    Applicability evaluate(PreparedRequest request, PolicyRef policy, List<StatementResult> trace,
                           ServiceActions forService) {
        boolean tracing = trace != null;

        String actionHit = action.match(request, forService);
        boolean actionHolds = action.not() ? actionHit == null : actionHit != null;
        if (!actionHolds) {
            if (tracing) {
                trace.add(StatementResult.actionMismatch(new StatementRef(policy, index, source.sid()),
                        source.effect(), new ElementResult(source.action().jsonName(), false, actionHit)));
            }
            return Applicability.NOT_APPLICABLE;
        }

        boolean resourceHolds = true;
        String resourceHit = null;
        ResourceMatcher resource = resource();
        if (resource != null) {
            resourceHit = resource.match(request);
            resourceHolds = resource.not() ? resourceHit == null : resourceHit != null;
            if (!resourceHolds && !tracing) {
                return Applicability.NOT_APPLICABLE;
            }
        }

        Applicability grant = Applicability.APPLIES;
        int principalHit = -1;
        PrincipalMatcher principal = namesPrincipals ? principal() : null;
        if (namesPrincipals) {
            if (principal != null) {
                principalHit = principal.match(request, source.effect() == Effect.DENY);
            }
            grant = principal == null ? Applicability.NOT_APPLICABLE : principal.applicability(principalHit, request);
            if (!grant.applies() && !tracing) {
                return Applicability.NOT_APPLICABLE;
            }
        }

        CompiledCondition[] conditions = conditions();
        List<ConditionResult> conditionTrace = tracing ? new ArrayList<>(conditions.length) : null;
        boolean conditionsHold = true;
        for (CompiledCondition c : conditions) {
            if (!c.evaluate(request, conditionTrace)) {
                conditionsHold = false;
                if (!tracing) {
                    return Applicability.NOT_APPLICABLE;
                }
            }
        }

        boolean applies = resourceHolds && grant.applies() && conditionsHold;
        if (tracing) {
            trace.add(new StatementResult(new StatementRef(policy, index, source.sid()), source.effect(), applies,
                    false, new ElementResult(source.action().jsonName(), true, actionHit),
                    resource == null ? null
                            : new ElementResult(source.resource().jsonName(), resourceHolds, resourceHit),
                    namesPrincipals ? principalResult(grant, principal == null ? null : principal.written(principalHit))
                            : null,
                    conditionTrace));
        }
        return applies ? grant : Applicability.NOT_APPLICABLE;
    }

    private ElementResult principalResult(Applicability grant, String hit) {
        String element = source.principal() == null ? "Principal" : source.principal().jsonName();
        return new ElementResult(element, grant.applies(), grant.applies() ? hit : null);
    }
}
