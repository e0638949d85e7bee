package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cells run in-process, without Jupyter: each cell's outputs in the order Jupyter shows them. */
class NotebookRunnerTests {

    @Test
    void aNotebooksCellsShareStateAndReturnTheirOutputsInOrder() {
        PrintStream console = System.out;
        try (NotebookRunner runner = NotebookRunner.start(TestClassPath.runtime())) {
            List<CellOutput> world = runner.run("""
                    %%iam
                    account('111122223333') {
                        alice = user('alice') { inline('Read') { allow 's3:GetObject' on 'arn:aws:s3:::b/*' } }
                    }
                    println 'built'
                    explain alice, 's3:GetObject', 'arn:aws:s3:::b/k'
                    """);
            assertEquals(new CellOutput.Stream("stdout", "built\n"), world.get(0));
            CellOutput.Display trace = assertInstanceOf(CellOutput.Display.class, world.get(1));
            assertTrue(trace.data().get("text/html").contains("iamlab-trace"), trace.data().toString());
            assertTrue(trace.data().get("text/plain").startsWith("Allowed"), trace.data().toString());
            assertEquals(2, world.size(), "explain's answer is shown once, not again as the cell's value");

            List<CellOutput> javaCell = runner.run("System.out.println(\"hi\");\nalice.name().length() + 1");
            assertEquals(List.of(new CellOutput.Stream("stdout", "hi\n"),
                    new CellOutput.Display(Map.of("text/plain", "6"), true)), javaCell);

            CellOutput.Error error = assertInstanceOf(CellOutput.Error.class, runner.run("1 / 0").get(0));
            assertEquals("java.lang.ArithmeticException", error.name());

            List<CellOutput> json = runner.run("%aws iam get-user --user-name alice");
            CellOutput.Display cli = assertInstanceOf(CellOutput.Display.class, json.get(0));
            assertTrue(cli.data().get("application/json").contains("\"UserName\""), cli.data().toString());
        }
        assertSame(console, System.out, "closing the runner gives the console back");
    }
}
