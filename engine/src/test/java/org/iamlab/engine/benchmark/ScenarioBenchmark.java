package org.iamlab.engine.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.simulation.PolicyCache;
import org.iamlab.engine.simulation.Scenario;
import org.iamlab.engine.simulation.ScenarioReader;
import org.iamlab.engine.trace.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scenario that carries its own policies, read from its JSON line (request, 1 to 4 customer policies,
 * sometimes a resource policy, a boundary or SCPs), its policies parsed and compiled, and decided: the work of
 * {@code iamlab simulate} per line when no policy repeats. The lines are {@code benchmark/own-policies.jsonl},
 * 256 lines of {@code bench/workload/generate_own_policies.py --seed 7}; the reader keeps no policy, so each
 * one is parsed and compiled every time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScenarioBenchmark {

    private byte[][] lines;
    private ScenarioReader reader;
    private Authorizer authorizer;
    private int next;

    @Setup
    public void setUp() {
        lines = lines("/benchmark/own-policies.jsonl");
        reader = new ScenarioReader(new PolicyCache(0));
        authorizer = new Authorizer(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }

    static byte[][] lines(String resource) {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = ScenarioBenchmark.class.getResourceAsStream(resource)) {
            BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = text.readLine()) != null; ) {
                out.add(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArray(new byte[0][]);
    }

    @Benchmark
    public Decision readCompileAndDecide() {
        byte[] line = lines[next];
        next = next + 1 == lines.length ? 0 : next + 1;
        Scenario scenario = reader.read(line, 0, line.length, 1);
        return authorizer.decide(scenario.request());
    }
}
