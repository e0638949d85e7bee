package org.iamlab.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kernelspec: the directory Jupyter reads to list and start the kernel ({@code kernel.json}, and here also
 * the kernel's jar, so that the spec keeps working when the build tree moves or is cleaned). Where it goes
 * follows {@code jupyter kernelspec install}: {@code --user} (the default here: no administrator rights
 * needed), {@code --sys-prefix} (the Python environment Jupyter runs in) or {@code --prefix DIR}.
 */
public final class KernelSpec {

    /** The kernelspec name Jupyter lists. */
    public static final String DEFAULT_NAME = "iamlab";
    /** The name Jupyter shows in its launcher and kernel menu. */
    public static final String DISPLAY_NAME = "IAM Lab";
    /**
     * The JVM options in {@code kernel.json}: the serial collector and C1 only, which start the kernel and its
     * compilers (javac in JShell, Groovy) fastest on small machines (see docs/kernel.md for the measurements).
     */
    public static final List<String> JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The class data archive's file name inside the kernelspec directory. */
    public static final String ARCHIVE_NAME = "iamlab.jsa";

    /** The jar's file name inside the kernelspec directory. */
    public static final String JAR_NAME = "iamlab.jar";

    /** Where a kernelspec is installed. */
    public enum Scope {
        /** The user's Jupyter data directory. */
        USER,
        /** {@code sys.prefix} of the Python that runs Jupyter. */
        SYS_PREFIX,
        /** A prefix given on the command line, as for {@code pip install --prefix}. */
        PREFIX
    }

    private KernelSpec() {
    }

    /**
     * The {@code kernels} directory of a scope.
     *
     * @param prefix the directory of {@link Scope#PREFIX}; ignored otherwise
     * @param env    the environment ({@code JUPYTER_DATA_DIR}, {@code XDG_DATA_HOME}, {@code APPDATA}, {@code PATH})
     * @param home   the user's home directory
     */
    public static Path kernelsDir(Scope scope, Path prefix, Map<String, String> env, Path home) {
        return switch (scope) {
            case USER -> userDataDir(env, home).resolve("kernels");
            case SYS_PREFIX -> sysPrefix(env).resolve("share").resolve("jupyter").resolve("kernels");
            case PREFIX -> Objects.requireNonNull(prefix, "prefix").toAbsolutePath().resolve("share")
                    .resolve("jupyter").resolve("kernels");
        };
    }

    /** The home directory as Jupyter sees it: {@code HOME} when set (Java's {@code user.home} ignores it). */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** Jupyter's user data directory, as {@code jupyter --data-dir} prints it. */
    static Path userDataDir(Map<String, String> env, Path home) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : home.resolve("AppData").resolve("Roaming")
                    .resolve("jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("jupyter");
    }

    /** {@code sys.prefix} of the Python whose {@code jupyter} command is first on the {@code PATH}. */
    static Path sysPrefix(Map<String, String> env) {
        Path jupyter = onPath("jupyter", env).orElseThrow(() -> new KernelSpecException(
                "cannot find `jupyter` on the PATH to learn its sys.prefix; use --user or --prefix DIR"));
        String python = "python3";
        try (Stream<String> lines = Files.lines(jupyter)) {
            String first = lines.findFirst().orElse("");
            if (first.startsWith("#!")) {
                python = first.substring(2).strip().split("\\s+")[0];
            }
        } catch (IOException | UncheckedIOException e) {
            python = "python3";
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                throw new KernelSpecException("`" + python + "` did not print its sys.prefix: " + out);
            }
            return Path.of(out.lines().reduce((a, b) -> b).orElse(out));
        } catch (IOException e) {
            throw new KernelSpecException("cannot run `" + python + "` to learn Jupyter's sys.prefix: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelSpecException("interrupted while asking Python for its sys.prefix");
        }
    }

    private static java.util.Optional<Path> onPath(String command, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isExecutable(candidate)) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Writes the kernelspec {@code name} into {@code kernelsDir}, replacing one of the same name: the jar is
     * copied in, and {@code kernel.json} starts it with {@code java}. With a {@code train} command, a class data
     * archive is made first by running the jar once with it (a few seconds), and the kernel starts with that
     * archive: about a third faster. A failed training only leaves the archive out.
     *
     * @param launch what follows {@code java} and the jar's path to start the kernel on a connection file, e.g.
     *               {@code [kernel, --connection-file, {connection_file}]} for the {@code iamlab} jar
     * @param train  what follows them to run the sample cells once and exit ({@code [kernel, --train]}), or empty
     *               for no archive
     * @return the kernelspec directory
     */
    public static Path install(Path kernelsDir, String name, Path jar, Path java, List<String> javaOptions,
                               List<String> launch, List<String> train) {
        checkName(name);
        if (!Files.isRegularFile(jar)) {
            throw new KernelSpecException("the kernel's jar " + jar + " does not exist; build it with"
                    + " `mvn -B -DskipTests install`");
        }
        Path dir = kernelsDir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(JAR_NAME);
            if (!Files.exists(target) || !Files.isSameFile(jar, target)) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Path archive = dir.resolve(ARCHIVE_NAME);
            Files.deleteIfExists(archive);
            List<String> options = new ArrayList<>(javaOptions);
            if (!train.isEmpty() && trained(java, javaOptions, target, archive, train)) {
                options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
                options.add("-Xlog:cds=off");
            }
            List<String> argv = new ArrayList<>();
            argv.add(java.toAbsolutePath().toString());
            argv.addAll(options);
            argv.add("-jar");
            argv.add(target.toAbsolutePath().toString());
            argv.addAll(launch);
            Files.writeString(dir.resolve("kernel.json"), kernelJson(argv));
            return dir;
        } catch (IOException e) {
            throw new KernelSpecException("cannot write the kernelspec in " + dir + ": " + e.getMessage());
        }
    }

    /** Runs the jar once with {@code train}, dumping the classes it loaded into {@code archive}. */
    private static boolean trained(Path java, List<String> javaOptions, Path jar, Path archive, List<String> train) {
        List<String> command = new ArrayList<>();
        command.add(java.toAbsolutePath().toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath(), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(train);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && Files.isRegularFile(archive);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes a kernelspec that starts the kernel from a class path (for tests and development trees). */
    public static Path installClassPath(Path kernelsDir, String name, Path java, List<String> javaOptions,
                                        String classPath) {
        checkName(name);
        Path dir = kernelsDir.resolve(name);
        try {
            Files.createDirectories(dir);
            List<String> argv = new ArrayList<>();
            argv.add(java.toAbsolutePath().toString());
            argv.addAll(javaOptions);
            argv.addAll(List.of("-cp", classPath, KernelMain.class.getName(), "--connection-file",
                    "{connection_file}"));
            Files.writeString(dir.resolve("kernel.json"), kernelJson(argv));
            return dir;
        } catch (IOException e) {
            throw new KernelSpecException("cannot write the kernelspec in " + dir + ": " + e.getMessage());
        }
    }

    /** The {@code kernel.json} that starts the kernel with {@code argv}. */
    static String kernelJson(List<String> argv) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * Removes the kernelspec {@code name} from {@code kernelsDir}.
     *
     * @return the directory removed
     * @throws KernelSpecException when there is no such kernelspec
     */
    public static Path uninstall(Path kernelsDir, String name) {
        checkName(name);
        Path dir = kernelsDir.resolve(name);
        if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
            throw new KernelSpecException("there is no kernelspec `" + name + "` in " + kernelsDir);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            return dir;
        } catch (IOException e) {
            throw new KernelSpecException("cannot remove " + dir + ": " + e.getMessage());
        }
    }

    /** Kernelspec names are what Jupyter accepts: letters, digits, {@code .}, {@code _} and {@code -}. */
    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new KernelSpecException("`" + name + "` is not a kernelspec name: use letters, digits, `.`, `_`"
                    + " and `-`");
        }
    }

    /** A kernelspec that cannot be installed or removed; the message says why, for the user. */
    public static final class KernelSpecException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public KernelSpecException(String message) {
            super(message);
        }
    }
}
