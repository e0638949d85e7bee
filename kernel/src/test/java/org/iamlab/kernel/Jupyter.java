package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Jupyter (python3-jupyter-kernel-test, python3-nbclient, jupyter-nbconvert, jupyter-client) for the
 * suites that drive the kernel through real Jupyter clients: always {@code /usr/bin/python3} and
 * {@code /usr/bin/jupyter}, never another Python on the PATH. When they are missing the suites are skipped with a
 * loud reason, except under {@code CI=true}, where they fail.
 */
final class Jupyter {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final String KERNEL_NAME = "iamlab";

    private static final String INSTALL = "apt-get install -y python3-jupyter-kernel-test python3-nbclient"
            + " jupyter-nbconvert jupyter-client";

    /** What a command printed and how it ended. */
    record Result(int status, String output) {
    }

    private Jupyter() {
    }

    /** Skips (or under CI fails) unless Debian's Python can import {@code modules}. */
    static void require(String... modules) {
        String missing = null;
        if (!Files.isExecutable(PYTHON) || !Files.isExecutable(JUPYTER)) {
            missing = PYTHON + " or " + JUPYTER + " is missing";
        } else {
            try {
                Result r = run(List.of(PYTHON.toString(), "-c", "import " + String.join(", ", modules)),
                        Path.of("."), Map.of(), 60);
                if (r.status() != 0) {
                    missing = "Debian's Python cannot import " + String.join(", ", modules) + ": " + r.output().strip();
                }
            } catch (IOException e) {
                missing = "cannot run " + PYTHON + ": " + e.getMessage();
            }
        }
        if (missing == null) {
            return;
        }
        String message = "JUPYTER SUITE NOT RUN: " + missing + ". Install with: " + INSTALL;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: the Jupyter suites must run)");
        }
        System.err.println("\n*** " + message + " ***\n");
        Assumptions.abort(message);
    }

    /**
     * A Jupyter environment of its own under {@code dir}: the kernelspec {@value #KERNEL_NAME} starting this build's
     * kernel on the java that runs the tests, and data, runtime and config directories that keep the user's
     * Jupyter out of it. Returns the environment variables to run Jupyter commands with.
     */
    static Map<String, String> environment(Path dir) throws IOException {
        return environment(dir, Path.of(ProcessHandle.current().info().command().orElse("java")));
    }

    /** As {@link #environment(Path)}, with the kernel started by {@code java}. */
    static Map<String, String> environment(Path dir, Path java) throws IOException {
        Path share = dir.resolve("share");
        KernelSpec.installClassPath(share.resolve("kernels"), KERNEL_NAME, java, KernelSpec.JAVA_OPTIONS,
                TestClassPath.runtime());
        return Map.of("JUPYTER_PATH", share.toString(),
                "JUPYTER_DATA_DIR", Files.createDirectories(dir.resolve("data")).toString(),
                "JUPYTER_RUNTIME_DIR", Files.createDirectories(dir.resolve("runtime")).toString(),
                "JUPYTER_CONFIG_DIR", Files.createDirectories(dir.resolve("config")).toString(),
                "PYTHONDONTWRITEBYTECODE", "1",
                "IAMLAB_KERNEL_NAME", KERNEL_NAME);
    }

    /** Runs {@code command} in {@code dir}, its output gathered, for at most {@code seconds}. */
    static Result run(List<String> command, Path dir, Map<String, String> env, long seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("iamlab-jupyter", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            return new Result(ended ? p.exitValue() : -1, ended ? output : output + "\n(timed out after "
                    + seconds + " s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
