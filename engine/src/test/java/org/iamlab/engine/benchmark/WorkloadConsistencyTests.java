package org.iamlab.engine.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.PolicyResult;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's workload, used as a test: on thousands of realistic requests, the traced path must decide
 * exactly as the fast path (the trace comes from the same code), and the trace must list every statement of
 * every policy considered.
 */
class WorkloadConsistencyTests {

    private final Authorizer authorizer =
            new Authorizer(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void tracingNeverChangesTheDecision() {
        List<AuthorizationRequest> requests = Workload.requests(3000, 7);
        Map<Decision, Integer> seen = new EnumMap<>(Decision.class);
        for (AuthorizationRequest r : requests) {
            Decision fast = authorizer.decide(r);
            Authorization explained = authorizer.authorize(r, true);
            assertEquals(fast, explained.decision(), () -> "request " + r.request());
            for (PolicyResult p : explained.trace().policies()) {
                assertTrue(p.statements().size() > 0, () -> "policy " + p.policy().name() + " lists its statements");
            }
            seen.merge(fast, 1, Integer::sum);
        }
        // The workload exercises all three outcomes, so the comparison above covers each of them.
        assertEquals(3, seen.size(), seen.toString());
    }
}
