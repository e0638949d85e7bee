package org.iamlab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iamlab.engine.advice.Advisor;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.engine.render.JsonTraceView;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.simulation.Scenario;
import org.iamlab.engine.simulation.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab simulate}: decides scenarios of the simulation format (DESIGN.md §3, docs/simulation-format.md)
 * and prints one answer per scenario, in input order. A scenario that cannot be read gets its located error in
 * place of its answer, and the run goes on. With {@code --jsonl}, batches of lines are decided on all cores.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Decide simulation-format scenarios and print one JSON line each:",
                "  {\"id\": ..., \"decision\": \"Allowed\"}, or {\"id\": ..., \"error\": \"line 3, column 14: ...\"}.",
                "Exit status: 0 when every scenario was decided, 1 when some could not be read, 2 for bad"
                        + " arguments."})
final class SimulateCommand implements Callable<Integer> {

    enum Explain { text, json, html }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Scenario file; `-` or none reads standard input.")
    private String file = "-";

    @Option(names = "--jsonl", description = "One scenario per line (JSON Lines) instead of one JSON object.")
    private boolean jsonl;

    @Option(names = "--explain", paramLabel = "FORMAT",
            description = "Also explain each decision: ${COMPLETION-CANDIDATES}.")
    private Explain explain;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads deciding --jsonl input (default: one per core).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Authorizer authorizer = Authorizer.withSystemClock();
    private final ThreadLocal<ScenarioReader> readers = ThreadLocal.withInitial(ScenarioReader::new);

    /** What one batch of scenarios printed, and whether any of them failed. */
    private record Answers(String text, boolean failed) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean failed;
        try (InputStream in = open()) {
            if (explain == Explain.html) {
                out.print(HtmlTraceView.pageStart());
            }
            failed = jsonl ? decideLines(in, out) : decideOne(in.readAllBytes(), out);
            if (explain == Explain.html) {
                out.print(HtmlTraceView.pageEnd());
            }
        }
        out.flush();
        return failed ? IamLab.SOME_INPUT_FAILED : IamLab.OK;
    }

    private InputStream open() throws IOException {
        if (file.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
    }

    private boolean decideOne(byte[] input, PrintWriter out) {
        StringWriter text = new StringWriter();
        boolean ok = answer(input, 0, input.length, 1, new PrintWriter(text));
        out.print(text);
        return !ok;
    }

    /** Decides batches of lines on a pool of threads and prints their answers in input order. */
    private boolean decideLines(InputStream in, PrintWriter out) throws IOException, InterruptedException {
        LineBatches batches = new LineBatches(in);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "iamlab-simulate");
            t.setDaemon(true);
            return t;
        });
        boolean failed = false;
        try {
            ArrayDeque<Future<Answers>> pending = new ArrayDeque<>();
            for (LineBatches.Batch batch; (batch = batches.next()) != null; ) {
                LineBatches.Batch b = batch;
                pending.add(pool.submit(() -> decide(b)));
                while (pending.size() > 2 * threads) {
                    failed |= print(pending.poll(), out);
                }
            }
            while (!pending.isEmpty()) {
                failed |= print(pending.poll(), out);
            }
        } finally {
            pool.shutdownNow();
        }
        return failed;
    }

    private static boolean print(Future<Answers> future, PrintWriter out) throws InterruptedException {
        try {
            Answers answers = future.get();
            out.print(answers.text());
            return answers.failed();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Answers decide(LineBatches.Batch batch) {
        StringWriter text = new StringWriter(batch.count() * 48);
        PrintWriter out = new PrintWriter(text);
        boolean failed = false;
        for (int i = 0; i < batch.count(); i++) {
            int from = batch.starts()[i];
            int to = batch.ends()[i];
            if (!isBlank(batch.data(), from, to)) {
                failed |= !answer(batch.data(), from, to - from, batch.firstLine() + i, out);
            }
        }
        out.flush();
        return new Answers(text.toString(), failed);
    }

    private static boolean isBlank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Prints the answer for one scenario; false when it could not be read. */
    private boolean answer(byte[] data, int offset, int length, int lineNumber, PrintWriter out) {
        Scenario scenario;
        try {
            scenario = readers.get().read(data, offset, length, lineNumber);
        } catch (PolicyParseException e) {
            Object id = ScenarioReader.idOf(new String(data, offset, length, StandardCharsets.UTF_8));
            if (explain == Explain.text) {
                out.println("error" + (id == null ? "" : " in " + id) + ": " + e.getMessage());
                out.println();
            } else if (explain == Explain.html) {
                out.println(HtmlTraceView.error(id, e.getMessage()));
            } else {
                writeLine(out, id, "error", e.getMessage(), List.of(), null);
            }
            return false;
        }
        Authorization result = authorizer.authorize(scenario.request(), explain != null);
        if (explain == Explain.text) {
            out.print(TextTraceView.render(result.trace()));
            out.println();
        } else if (explain == Explain.html) {
            out.println(HtmlTraceView.fragment(result.trace(),
                    new Advisor(authorizer).advise(scenario.request(), result.trace())));
        } else {
            writeLine(out, scenario.id(), "decision", result.decision().label(), scenario.warnings(),
                    explain == Explain.json ? JsonTraceView.render(result.trace()) : null);
        }
        return true;
    }

    /**
     * Prints {@code {"id": ..., FIELD: VALUE}}, with {@code "warnings"} only when there are some (so the common
     * line stays as it was) and {@code "trace"} when given. The plain answer is written by {@link AnswerLine}
     * without a JSON library: a run without {@code --explain json} never starts Jackson's data binding, which
     * costs more to load than a small file takes to decide.
     */
    private static void writeLine(PrintWriter out, Object id, String field, String value,
                                  List<PolicyWarning> warnings, JsonNode trace) {
        if (trace == null && warnings.isEmpty()) {
            out.println(AnswerLine.of(id, field, value));
            return;
        }
        StringWriter line = new StringWriter(64);
        try (JsonGenerator g = Traces.JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeFieldName("id");
            g.writeObject(id);
            g.writeStringField(field, value);
            if (!warnings.isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (PolicyWarning w : warnings) {
                    g.writeString(w.message());
                }
                g.writeEndArray();
            }
            if (trace != null) {
                g.writeFieldName("trace");
                g.writeTree(trace);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }

    /** The JSON factory of {@code --explain json}, loaded only when a trace is written. */
    private static final class Traces {
        static final JsonFactory JSON = new ObjectMapper().getFactory();
    }
}
