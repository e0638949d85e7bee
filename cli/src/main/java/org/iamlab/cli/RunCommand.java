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
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.Workbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab run FILE.groovy}: runs a DSL script (docs/dsl.md) against a new world and prints what it shows:
 * each {@code explain} as its text trace (first line: the decision), each {@code aws} command's JSON output,
 * {@code whoCan} and {@code whatCan} answers, and whatever the script prints. A mistake prints
 * {@code FILE: line N: what is wrong} on standard error.
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
        Lab lab = Workbook.install(new Lab(new World(), value -> show(value, out, err)));
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

    private static void show(Object value, PrintWriter out, PrintWriter err) {
        if (value instanceof CliOutput o && o.error()) {
            out.flush();
            err.println(o.text());
            err.flush();
            return;
        }
        String text = String.valueOf(value);
        out.print(text.endsWith("\n") ? text : text + "\n");
    }
}
