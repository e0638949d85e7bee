package org.iamlab.lessons.check;

import java.util.Objects;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Trace;

/**
 * One check applied: what it requires (in words), whether it passed, and the request's decision, the reason in
 * words and the trace (null for the least-privilege probe when it passed, or when nothing was asked).
 */
public record CheckResult(String requirement, boolean passed, Decision decision, String reason, Trace trace) {

    public CheckResult {
        Objects.requireNonNull(requirement, "requirement");
    }
}
