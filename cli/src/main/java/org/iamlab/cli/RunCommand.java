package org.iamlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iamlab.dsl.Lab;
import org.iamlab.dsl.ScriptFailure;
import org.iamlab.dsl.ScriptWarning;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.render.WorldViews;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.Workbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab run FILE.groovy}: runs a DSL script (docs/dsl.md) against a new world and prints what it shows:
 * each {@code explain} as its text trace (first line: the decision), each {@code aws} command's JSON output,
 * {@code whoCan} and {@code whatCan} answers, and whatever the script prints. A mistake prints
 * {@code FILE: line N: what is wrong} on standard error, and a warning {@code FILE: line N: warning: ...}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an IAM Lab DSL script and print what it shows: traces as text, aws output as the CLI's"
                + " JSON.", "Exit status: 0 when the script ran to its end, 1 when it stopped at a mistake, 2 for bad"
                + " arguments."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The script, e.g. world.groovy.")
    private Path file;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("iamlab run: " + file + ": no such file");
            return IamLab.USAGE;
        } catch (MalformedInputException e) {
            err.println("iamlab run: " + file + ": not UTF-8 text");
            return IamLab.USAGE;
        } catch (IOException e) {
            err.println("iamlab run: " + file + ": " + e.getMessage());
            return IamLab.USAGE;
        }
        String name = file.toString();
        Lab lab = Workbook.install(new Lab(new World(), value -> show(value, name, out, err)));
        Path dir = file.toAbsolutePath().getParent();
        lab.baseDir(dir == null ? Path.of(".") : dir);
        lab.binding().setVariable("out", out);
        try {
            lab.run(script, file.getFileName().toString());
            return IamLab.OK;
        } catch (ScriptFailure e) {
            out.flush();
            err.println(file + ": " + e.getMessage());
            return IamLab.SOME_INPUT_FAILED;
        } finally {
            out.flush();
        }
    }

    /** What a shown value prints: the world's objects in the text form of the views the kernel and site draw. */
    private static String text(Object value) {
        if (value instanceof World w) {
            return WorldViews.worldText(w);
        }
        if (value instanceof PolicyHolder h) {
            return WorldViews.holderText(h);
        }
        if (value instanceof Policy p) {
            return WorldViews.policyText(p);
        }
        return String.valueOf(value);
    }

    private static void show(Object value, String file, PrintWriter out, PrintWriter err) {
        if (value instanceof ScriptWarning w) {
            out.flush();
            err.println(file + ": " + w);
            err.flush();
            return;
        }
        if (value instanceof CliOutput o && o.error()) {
            out.flush();
            err.println(o.text());
            err.flush();
            return;
        }
        String text = text(value);
        out.print(text.endsWith("\n") ? text : text + "\n");
    }
}
