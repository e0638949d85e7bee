package org.iamlab.engine.world;

import java.util.Objects;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Trace;

/**
 * The answer to a request against the world: what was asked (the request with every policy the world gathered
 * for it), the decision, and its trace. Its text is the trace's text view, whose first line is the decision.
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

    /** The trace as text (see {@link TextTraceView}); just the decision when there is no trace. */
    public String text() {
        return trace == null ? decision.label() + "\n" : TextTraceView.render(trace);
    }

    @Override
    public String toString() {
        return text();
    }
}
