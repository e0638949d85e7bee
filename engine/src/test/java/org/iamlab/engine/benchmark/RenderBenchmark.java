package org.iamlab.engine.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iamlab.engine.advice.Advice;
import org.iamlab.engine.advice.Advisor;
import org.iamlab.engine.authz.AuthorizationRequest;
import org.iamlab.engine.catalog.ManagedPolicyCatalog;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.render.Examples;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.engine.render.JsonTraceView;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.simulation.ScenarioReader;
import org.iamlab.engine.trace.Trace;
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
 * What explaining a decision costs, per trace, in microseconds: the text, JSON and HTML views of a ready trace,
 * the HTML view with "what would change the answer" already computed, and computing that advice (which
 * re-evaluates the request several times). The goal: rendering under 1 ms, so that a notebook cell explaining
 * fifty requests stays instant. Run with
 * {@code mvn -B -pl engine -Pbenchmark verify -Djmh.args="RenderBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {

    /** Three example traces, and one with AWS managed policies of real size (thousands of actions). */
    @Param({"allowed", "explicit-deny", "cross-account-implicit-deny", "managed"})
    public String example;

    private Trace trace;
    private Advice advice;
    private AuthorizationRequest request;
    private Advisor advisor;

    @Setup
    public void setUp() {
        advisor = new Advisor(Examples.AUTHORIZER);
        if (example.equals("managed")) {
            request = managed();
            trace = Examples.AUTHORIZER.authorize(request, true).trace();
            advice = advisor.advise(request, trace);
            return;
        }
        Examples.Example e = Examples.load(example);
        trace = e.trace();
        advice = e.advice();
        request = e.request();
    }

    /** A developer with four AWS managed policies reading an object. */
    private static AuthorizationRequest managed() {
        ManagedPolicyCatalog catalog = ManagedPolicyCatalog.aws();
        String policies = Stream.of("ReadOnlyAccess", "AmazonS3FullAccess", "AWSLambda_FullAccess",
                "IAMUserChangePassword").map(name -> "{\"name\": \"" + name + "\", \"policy\": "
                + PolicyWriter.write(catalog.get(name).document()) + "}").collect(Collectors.joining(", "));
        return new ScenarioReader().read("{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/dev\","
                + " \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::team-data/report.csv\"},"
                + " \"identityPolicies\": [" + policies + "]}", 1).request();
    }

    @Benchmark
    public String text() {
        return TextTraceView.render(trace);
    }

    @Benchmark
    public Object json() {
        return JsonTraceView.render(trace);
    }

    @Benchmark
    public String html() {
        return HtmlTraceView.fragment(trace);
    }

    @Benchmark
    public String htmlWithAdvice() {
        return HtmlTraceView.fragment(trace, advice);
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(request, trace);
    }
}
