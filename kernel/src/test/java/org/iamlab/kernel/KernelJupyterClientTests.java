package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code src/test/python/test_bad_messages.py}: the kernel started by {@code jupyter_client} from its kernelspec
 * survives badly signed and malformed messages, random well-signed ones and cells that call {@code System.exit},
 * on each JDK of {@link Jdks}.
 */
class KernelJupyterClientTests {

    @TempDir
    Path dir;

    static List<Jdks.Jdk> jdks() {
        return Jdks.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theKernelSurvivesBadMessagesAndExitThroughJupyterClient(Jdks.Jdk jdk) throws Exception {
        jdk.require();
        Jupyter.require("jupyter_client");
        Map<String, String> env = Jupyter.environment(dir, jdk.java());
        Path tests = Path.of(System.getProperty("iamlab.python.tests", "src/test/python"));
        Jupyter.Result r = Jupyter.run(List.of(Jupyter.PYTHON.toString(), "-m", "unittest", "-v", "test_bad_messages"),
                tests, env, 600);
        System.out.println(r.output());
        assertEquals(0, r.status(), () -> "test_bad_messages failed:\n" + r.output());
        assertTrue(r.output().contains("OK") && !r.output().contains("skipped"), r.output());
    }
}
