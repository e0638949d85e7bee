package org.iamlab.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iamlab.kernel.KernelMain;
import org.iamlab.kernel.KernelSpec;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamlab kernel}: the Jupyter kernel. {@code iamlab kernel install} writes the kernelspec (the jar copied
 * in, the absolute path of this java, {@code interrupt_mode: message}); {@code iamlab kernel uninstall} removes
 * it; {@code iamlab kernel --connection-file FILE} is what Jupyter starts.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"The IAM Lab Jupyter kernel: Java cells in JShell, %%%%iam cells in IAM Lab's language.",
                "  iamlab kernel install     makes Jupyter list it (as \"IAM Lab\")",
                "  iamlab kernel uninstall   removes it",
                "  iamlab kernel --connection-file FILE   runs it (Jupyter does this)"},
        subcommands = {KernelCommand.Install.class, KernelCommand.Uninstall.class})
final class KernelCommand implements Callable<Integer> {

    /** Exit status: the kernelspec could not be written or removed (the reason is printed). */
    static final int FAILED = 1;

    @Option(names = "--connection-file", paramLabel = "FILE",
            description = "The connection file Jupyter wrote: runs the kernel until Jupyter shuts it down.")
    private Path connectionFile;

    @Option(names = "--train", hidden = true,
            description = "Run sample cells without a front end and exit (install uses it for the class archive).")
    private boolean train;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (train) {
            KernelMain.train();
            return IamLab.OK;
        }
        if (connectionFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name a command (`iamlab kernel install`) or the connection file: --connection-file FILE");
        }
        if (!Files.isReadable(connectionFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot read the connection file " + connectionFile);
        }
        KernelMain.run(connectionFile);
        return IamLab.OK;
    }

    /** Where the kernelspec goes: one of {@code --user}, {@code --sys-prefix}, {@code --prefix DIR}. */
    static final class Where {

        @Option(names = "--user", description = "In your Jupyter data directory (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "In the Python environment Jupyter runs in (sys.prefix).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Under DIR/share/jupyter/kernels.")
        Path prefix;
    }

    /** The options {@code install} and {@code uninstall} share. */
    static final class Location {

        @ArgGroup(exclusive = true)
        Where where;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = KernelSpec.DEFAULT_NAME,
                description = "The kernelspec's name (default: ${DEFAULT-VALUE}).")
        String name;

        Path kernelsDir() {
            KernelSpec.Scope scope = where == null || where.user ? KernelSpec.Scope.USER
                    : where.sysPrefix ? KernelSpec.Scope.SYS_PREFIX : KernelSpec.Scope.PREFIX;
            return KernelSpec.kernelsDir(scope, where == null ? null : where.prefix, System.getenv(),
                    KernelSpec.home(System.getenv()));
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the kernelspec so that `jupyter kernelspec list` shows it and Jupyter can start"
                    + " it: the jar is copied in, and the kernel runs on the java that runs this command."})
    static final class Install implements Callable<Integer> {

        @Mixin
        private Location location;

        @Option(names = "--jar", hidden = true, paramLabel = "FILE",
                description = "The jar to install (default: the jar this command runs from).")
        private Path jar;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Path from = jar != null ? jar : runningJar();
                out.println("installing the Jupyter kernel `" + location.name + "`; a first run prepares its class"
                        + " data archive (a few seconds) ...");
                out.flush();
                Path dir = KernelSpec.install(location.kernelsDir(), location.name, from, currentJava(),
                        KernelSpec.JAVA_OPTIONS, List.of("kernel", "--connection-file", "{connection_file}"),
                        List.of("kernel", "--train"));
                out.println("installed the Jupyter kernel `" + location.name + "` (" + KernelSpec.DISPLAY_NAME
                        + ") in " + dir);
                out.println("`jupyter kernelspec list` lists it; `jupyter notebook notebooks/` opens the lessons");
                return IamLab.OK;
            } catch (KernelSpec.KernelSpecException e) {
                err.println("iamlab kernel install: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = "Remove the kernelspec that `iamlab kernel install` wrote (same options).")
    static final class Uninstall implements Callable<Integer> {

        @Mixin
        private Location location;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                Path dir = KernelSpec.uninstall(location.kernelsDir(), location.name);
                spec.commandLine().getOut().println("removed the Jupyter kernel `" + location.name + "` from " + dir);
                return IamLab.OK;
            } catch (KernelSpec.KernelSpecException e) {
                spec.commandLine().getErr().println("iamlab kernel uninstall: " + e.getMessage());
                return FAILED;
            }
        }
    }

    /** The jar this command runs from. */
    private static Path runningJar() {
        try {
            Path location = Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new KernelSpec.KernelSpecException("run `iamlab kernel install` from the built jar (the"
                        + " ./iamlab launcher does), not from " + location);
            }
            return location;
        } catch (URISyntaxException | SecurityException e) {
            throw new KernelSpec.KernelSpecException("cannot tell which jar this is: " + e.getMessage());
        }
    }

    /** The java running this command, by absolute path, so that Jupyter starts the kernel on the same one. */
    private static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java")).toAbsolutePath();
    }
}
