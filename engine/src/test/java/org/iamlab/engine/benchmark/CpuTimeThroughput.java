package org.iamlab.engine.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.simulation.PolicyCache;
import org.iamlab.engine.simulation.ScenarioReader;

/**
 * Decisions per second of CPU time on {@link Workload}, without and with the trace, and scenarios read, compiled
 * and decided per second of CPU time: the same work as {@link EvaluatorBenchmark} and {@link ScenarioBenchmark},
 * measured in the thread's own CPU time, so that a shared, busy machine (other
 * processes taking the core away) does not distort the per-core figure the way wall-clock time does. Run by the
 * {@code benchmark} profile after JMH; {@code -Dcpu.seconds=N} sets each measurement's length.
 */
public final class CpuTimeThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(System.getProperty("cpu.seconds", "5"));
        Authorizer authorizer = new Authorizer(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        for (int pool : new int[] {Workload.POOL, Workload.COLD_POOL}) {
            AuthorizationRequest[] requests = Workload.requests(pool, 42).toArray(new AuthorizationRequest[0]);
            for (boolean explain : new boolean[] {false, true}) {
                run(authorizer, requests, explain, seconds);
                double rate = run(authorizer, requests, explain, seconds);
                System.out.printf("%-16s pool %,5d %,12.0f decisions per CPU-second%n",
                        explain ? "decideWithTrace" : "decide", pool, rate);
            }
        }
        byte[][] lines = ScenarioBenchmark.lines("/benchmark/own-policies.jsonl");
        ScenarioReader reader = new ScenarioReader(new PolicyCache(0));
        readAndDecide(authorizer, reader, lines, seconds);
        double perSecond = readAndDecide(authorizer, reader, lines, seconds);
        System.out.printf("%-16s %,12.0f scenarios per CPU-second (%.1f us each): read, compiled, decided%n",
                "own policies", perSecond, 1e6 / perSecond);
    }

    /** Reads and decides scenario lines until {@code seconds} of CPU time have passed; returns lines/CPU-s. */
    private static double readAndDecide(Authorizer authorizer, ScenarioReader reader, byte[][] lines, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long done = 0;
        int sink = 0;
        long used;
        do {
            for (byte[] line : lines) {
                sink += authorizer.decide(reader.read(line, 0, line.length, 1).request()).ordinal();
            }
            done += lines.length;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        if (sink == -1) {
            System.out.println(sink);
        }
        return done / (used / 1e9);
    }

    /** Evaluates requests until {@code seconds} of this thread's CPU time have passed; returns decisions/CPU-s. */
    private static double run(Authorizer authorizer, AuthorizationRequest[] requests, boolean explain, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long decisions = 0;
        int sink = 0;
        long used;
        do {
            for (AuthorizationRequest r : requests) {
                sink += authorizer.authorize(r, explain).decision().ordinal();
            }
            decisions += requests.length;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        if (sink == -1) {
            System.out.println(sink);
        }
        return decisions / (used / 1e9);
    }
}
