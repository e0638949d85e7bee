package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs the kernel process tests run the kernel on: the one running the build, and a second one (Temurin 25
 * here, where the Security Manager and {@code Thread.stop} are gone). The second is
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64} unless {@code IAMLAB_SECOND_JDK} names another; when it is missing its
 * tests are skipped with a loud reason, and they fail under {@code CI=true} only when {@code IAMLAB_SECOND_JDK} says
 * CI has one.
 */
final class Jdks {

    private static final Path DEFAULT_SECOND = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /** A JDK to run the kernel on: its name in test reports and its {@code java} (null when it is missing). */
    record Jdk(String name, Path java) {

        /** Skips (or, when CI was promised this JDK, fails) when it is missing. */
        Jdk require() {
            if (java != null) {
                return this;
            }
            String message = "SECOND JDK NOT TESTED: no " + name + " (set IAMLAB_SECOND_JDK to a JDK home to test it)";
            if ("true".equals(System.getenv("CI")) && System.getenv("IAMLAB_SECOND_JDK") != null) {
                fail(message + " (CI=true and IAMLAB_SECOND_JDK is set: it must run)");
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Jdks() {
    }

    /** The build's JDK and the second one. */
    static List<Jdk> both() {
        Path current = Path.of(ProcessHandle.current().info().command().orElse("java"));
        String env = System.getenv("IAMLAB_SECOND_JDK");
        Path home = env != null && !env.isBlank() ? Path.of(env) : DEFAULT_SECOND;
        Path java = home.resolve("bin/java");
        return List.of(new Jdk("JDK " + Runtime.version().feature() + " (the build's)", current),
                new Jdk("second JDK " + home, Files.isExecutable(java) ? java : null));
    }
}
