package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's loop through Jupyter's own client against this build's kernel
 * ({@code src/test/python/test_learner_loop.py}, run by Debian's Python): the same setup cell twice, a failing
 * cell fixed and run again, {@code stop_on_error} with three queued cells, every lesson notebook run twice in
 * one kernel.
 */
class LearnerLoopTests {

    @TempDir
    Path dir;

    @Test
    void cellsRunAgainFailedCellsRollBackAndRunAllStopsAtTheFirstError() throws Exception {
        Jupyter.require("jupyter_client", "nbformat");
        Map<String, String> env = new HashMap<>(Jupyter.environment(dir));
        env.put("IAMLAB_NOTEBOOKS", NotebookTests.notebooks().toAbsolutePath().toString());
        Path tests = Path.of(System.getProperty("iamlab.python.tests", "src/test/python"));
        Jupyter.Result r = Jupyter.run(List.of(Jupyter.PYTHON.toString(), "-m", "unittest", "-v",
                "test_learner_loop"), tests, env, 600);
        System.out.println(r.output());
        assertEquals(0, r.status(), () -> "the learner's loop failed:\n" + r.output());
        assertTrue(r.output().contains("OK") && !r.output().contains("skipped"),
                () -> "every test must run (none skipped):\n" + r.output());
    }
}
