package org.iamlab.engine.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.trace.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second on {@link Workload}, without a trace and with the full trace, cycling through
 * {@code pool} distinct requests: 1,024 stay in the CPU's caches, 8,192 mostly do not. Run with
 * {@code mvn -B -pl engine -Pbenchmark verify} (see the README); each operation is one decision on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluatorBenchmark {

    @Param({"1024", "8192"})
    public int pool;

    private AuthorizationRequest[] requests;
    private Authorizer authorizer;
    private int next;

    @Setup
    public void setUp() {
        requests = Workload.requests(pool, 42).toArray(new AuthorizationRequest[0]);
        authorizer = new Authorizer(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }

    private AuthorizationRequest nextRequest() {
        AuthorizationRequest r = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return r;
    }

    @Benchmark
    public Decision decide() {
        return authorizer.decide(nextRequest());
    }

    @Benchmark
    public Authorization decideWithTrace() {
        return authorizer.authorize(nextRequest(), true);
    }
}
