package org.iamlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iamlab} command. */
@Command(name = "iamlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Learn AWS IAM with a faithful, explaining policy evaluator.",
        subcommands = {SiteCommand.class, SimulateCommand.class, RunCommand.class, KernelCommand.class,
                StudentCommand.class, DrillCommand.class, GradeCommand.class, CommandLine.HelpCommand.class})
public final class IamLab implements Runnable {

    /** Exit status: every scenario was decided. */
    static final int OK = 0;
    /** Exit status: some input could not be used (its error was printed where its answer would be). */
    static final int SOME_INPUT_FAILED = 1;
    /** Exit status: the arguments themselves are unusable. */
    static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. `iamlab simulate`");
    }

    /** The command line with its output streams, for {@code main} and for tests that run it in-process. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(System.in, out, err);
    }

    /** The command line reading standard input ({@code iamlab drill}'s answers) from {@code in}. */
    static CommandLine commandLine(java.io.InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new IamLab(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == DrillCommand.class ? cls.cast(new DrillCommand(in)) : defaults.create(cls);
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        return cli;
    }

    public static void main(String[] args) {
        // picocli looks for groovy.lang.Closure to support closures in annotations, which IAM Lab does not use;
        // with Groovy on the class path that starts Groovy's runtime, a quarter of a second of every command.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        int status = commandLine(out, err).execute(args);
        out.flush();
        System.exit(status);
    }
}
