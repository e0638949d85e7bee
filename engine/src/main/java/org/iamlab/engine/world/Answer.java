package org.iamlab.engine.world;

import java.util.Objects;
import org.iamlab.engine.advice.Advice;
import org.iamlab.engine.advice.Advisor;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Trace;

/**
 * The answer to a request against the world: what was asked (the request with every policy the world gathered
 * for it), the decision, and its trace; on demand, what would change it. Its text is the trace's text view,
 * whose first line is the decision.
 */
public record Answer(AuthorizationRequest request, Decision decision, Trace trace) {

    public Answer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
    }

    static Answer of(AuthorizationRequest request, Authorization authorization) {
        return new Answer(request, authorization.decision(), authorization.trace());
    }

    /** True when the request is allowed. */
    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }

    /**
     * What would change the answer (each change checked by evaluating the changed request again), or
     * {@code null} when there is no trace. The request carries the world's time in {@code aws:CurrentTime} and
     * {@code aws:EpochTime}, so the re-evaluations see the same moment as the answer did.
     */
    public Advice advice() {
        return trace == null ? null : new Advisor(Authorizer.withSystemClock()).advise(request, trace);
    }

    /** The trace as text (see {@link TextTraceView}); just the decision when there is no trace. */
    public String text() {
        return trace == null ? decision.label() + "\n" : TextTraceView.render(trace);
    }

    @Override
    public String toString() {
        return text();
    }
}
