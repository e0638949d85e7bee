package org.iamlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.drill.Drill;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Topic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iamlab drill [--topic T] [--count N] [--seed S] [--list]}: exam practice in the terminal over the
 * question bank, with generated decision questions when the bank has too few.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Practise exam questions: answers from standard input, each explained with its trace;"
                + " the last line is `score: K/N`.", "--list prints the bank, one question a line: id, topic, title"
                + " (tab-separated)."})
final class DrillCommand implements Callable<Integer> {

    @Option(names = "--topic", paramLabel = "T", description = "Only this topic, e.g. cross-account.")
    private String topic;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "How many questions (default 10).")
    private int count;

    @Option(names = "--seed", paramLabel = "S", description = "The same seed asks the same questions (default: random,"
            + " printed first).")
    private Long seed;

    @Option(names = "--list", description = "Print the bank instead of asking.")
    private boolean list;

    private final java.io.InputStream input;

    /** A drill reading answers from {@code input} (standard input, or a test's). */
    DrillCommand(java.io.InputStream input) {
        this.input = input;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Topic t = null;
        if (topic != null) {
            t = Topic.ofSlug(topic);
            if (t == null) {
                String hint = Hints.didYouMean(topic, Topic.slugs());
                err.println("iamlab drill: `" + topic + "` is not a topic; " + (hint != null ? hint
                        : "the topics are " + String.join(", ", Topic.slugs())));
                return IamLab.USAGE;
            }
        }
        if (count < 1) {
            err.println("iamlab drill: --count must be 1 or more");
            return IamLab.USAGE;
        }
        Drill drill = new Drill(Catalog.course().bank(), new Checker());
        if (list) {
            drill.list(out, t);
            out.flush();
            return IamLab.OK;
        }
        long s = seed != null ? seed : new java.util.Random().nextInt(1_000_000);
        out.println("seed: " + s + " (--seed " + s + " asks these questions again)");
        drill.run(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)), out, t, count, s);
        return IamLab.OK;
    }
}
