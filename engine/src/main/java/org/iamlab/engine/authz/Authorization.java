package org.iamlab.engine.authz;

import java.util.Objects;
import java.util.Optional;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Trace;

/** The decision for a request, with its trace when one was asked for. */
public record Authorization(Decision decision, Trace trace) {

    public Authorization {
        Objects.requireNonNull(decision, "decision");
    }

    /** The trace, present when the request was explained. */
    public Optional<Trace> explanation() {
        return Optional.ofNullable(trace);
    }
}
