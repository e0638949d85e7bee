package org.iamlab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.authz.Authorizer;
import org.iamlab.engine.parse.PolicyParseException;
import org.iamlab.engine.render.JsonTraceView;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.simulation.Scenario;
import org.iamlab.engine.simulation.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab simulate}: decides scenarios of the simulation format (DESIGN.md §3, docs/simulation-format.md)
 * and prints one answer per scenario. A scenario that cannot be read gets its located error in place of its
 * answer, and the run goes on.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Decide simulation-format scenarios and print one JSON line each:",
                "  {\"id\": ..., \"decision\": \"Allowed\"}, or {\"id\": ..., \"error\": \"line 3, column 14: ...\"}.",
                "Exit status: 0 when every scenario was decided, 1 when some could not be read, 2 for bad"
                        + " arguments."})
final class SimulateCommand implements Callable<Integer> {

    enum Explain { text, json, html }

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Scenario file; `-` or none reads standard input.")
    private String file = "-";

    @Option(names = "--jsonl", description = "One scenario per line (JSON Lines) instead of one JSON object.")
    private boolean jsonl;

    @Option(names = "--explain", paramLabel = "FORMAT",
            description = "Also explain each decision: ${COMPLETION-CANDIDATES}.")
    private Explain explain;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (explain == Explain.html) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--explain html is not available yet; use text or json");
        }
        PrintWriter out = spec.commandLine().getOut();
        Authorizer authorizer = Authorizer.withSystemClock();
        ScenarioReader reader = new ScenarioReader();
        boolean failed = false;
        try (BufferedReader in = new BufferedReader(open(), 1 << 16)) {
            if (jsonl) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        failed |= !answer(line, number, reader, authorizer, out);
                    }
                }
            } else {
                StringBuilder all = new StringBuilder();
                char[] buffer = new char[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    all.append(buffer, 0, n);
                }
                failed = !answer(all.toString(), 1, reader, authorizer, out);
            }
        }
        out.flush();
        return failed ? IamLab.SOME_INPUT_FAILED : IamLab.OK;
    }

    private Reader open() throws IOException {
        if (file.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
    }

    /** Prints the answer for one scenario; false when it could not be read. */
    private boolean answer(String json, int lineNumber, ScenarioReader reader, Authorizer authorizer,
                           PrintWriter out) throws IOException {
        Scenario scenario;
        try {
            scenario = reader.read(json, lineNumber);
        } catch (PolicyParseException e) {
            Object id = ScenarioReader.idOf(json);
            if (explain == Explain.text) {
                out.println("error" + (id == null ? "" : " in " + id) + ": " + e.getMessage());
                out.println();
            } else {
                writeLine(out, id, "error", e.getMessage(), null);
            }
            return false;
        }
        Authorization result = authorizer.authorize(scenario.request(), explain != null);
        if (explain == Explain.text) {
            out.print(TextTraceView.render(result.trace()));
            out.println();
        } else {
            writeLine(out, scenario.id(), "decision", result.decision().label(),
                    explain == Explain.json ? JsonTraceView.render(result.trace()) : null);
        }
        return true;
    }

    private static void writeLine(PrintWriter out, Object id, String field, String value,
                                  com.fasterxml.jackson.databind.JsonNode trace) throws IOException {
        StringWriter line = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeFieldName("id");
            g.writeObject(id);
            g.writeStringField(field, value);
            if (trace != null) {
                g.writeFieldName("trace");
                g.writeTree(trace);
            }
            g.writeEndObject();
        }
        out.println(line);
    }
}
