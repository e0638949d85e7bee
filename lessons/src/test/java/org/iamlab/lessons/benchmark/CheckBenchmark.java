package org.iamlab.lessons.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.ExerciseWorld;
import org.iamlab.lessons.check.Feedback;
import org.iamlab.lessons.drill.GeneratedQuestion;
import org.iamlab.lessons.drill.QuestionGenerator;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
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
 * The exercise targets (issue 10): {@code check} of an exercise with 10 checks and a least-privilege probe within
 * 50 ms warm, a generated question within 5 ms. The learner's world is the exercise's world with its solution
 * written in, as a notebook's would be. A policy exercise's probe asks the actions the written policy names; a
 * fix's asks every action of the services, the slowest case. Run with {@code mvn -B -q install -DskipTests && mvn -B -pl lessons
 * -Pbenchmark verify}; times are milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmark {

    private Exercise exercise;
    private World learner;
    private Exercise fix;
    private World fixed;
    private final Checker checker = new Checker();
    private final QuestionGenerator generator = new QuestionGenerator();
    private long seed;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = CheckBenchmark.class.getResourceAsStream("/benchmark/ten-checks.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Catalog catalog = Catalog.of(Map.of("ten-checks.yaml", text));
            exercise = catalog.get("bench-ten-checks");
            fix = catalog.get("bench-ten-checks-fix");
        }
        learner = ExerciseWorld.build(exercise, ((Exercise.WritePolicy) exercise).solution()).world();
        fixed = ExerciseWorld.build(fix, ((Exercise.Fix) fix).solution()).world();
        if (checker.check(exercise, learner, false).status() != Feedback.Status.PASSED
                || checker.check(fix, fixed, false).status() != Feedback.Status.PASSED) {
            throw new IllegalStateException("the benchmark's solutions must pass");
        }
    }

    @Benchmark
    public Feedback checkTenChecksAndTheProbe() {
        return checker.check(exercise, learner, false);
    }

    /** A fix's probe asks every S3 action on every probed resource (a passing answer: nothing ends it early). */
    @Benchmark
    public Feedback checkTenChecksAndAFullProbe() {
        return checker.check(fix, fixed, false);
    }

    @Benchmark
    public GeneratedQuestion generateAQuestion() {
        return generator.question(seed++);
    }
}
