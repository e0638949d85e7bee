package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under Jupyter's own conformance suite: {@code src/test/python/test_iamlab_kernel.py}, a
 * {@code jupyter_kernel_test.KernelTests} subclass, run by Debian's Python against this build's kernel.
 */
class KernelConformanceTests {

    @TempDir
    Path dir;

    @Test
    void passesEveryTestOfJupyterKernelTest() throws Exception {
        Jupyter.require("jupyter_kernel_test", "jupyter_client");
        Map<String, String> env = Jupyter.environment(dir);
        Path tests = Path.of(System.getProperty("iamlab.python.tests", "src/test/python"));
        Jupyter.Result r = Jupyter.run(List.of(Jupyter.PYTHON.toString(), "-m", "unittest", "-v",
                "test_iamlab_kernel"), tests, env, 600);
        System.out.println(r.output());
        assertEquals(0, r.status(), () -> "jupyter_kernel_test failed:\n" + r.output());
        assertTrue(r.output().contains("OK") && !r.output().contains("skipped"),
                () -> "every test must run (none skipped):\n" + r.output());
    }
}
