package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                    """, "c1");
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

    @Test
    void aCellRunsInAWorldRunAsInJupyterSoThatRunningItAgainReplacesWhatItDefined() {
        try (NotebookRunner runner = NotebookRunner.start(TestClassPath.runtime(), Path.of(""))) {
            runner.run("%%iam\naccount('111122223333') { user 'alice' }", "a");
            runner.run("%%iam\naccount('111122223333') { user 'bob' }", "b");
            runner.run("%%iam\naccount('111122223333') { user 'carol' }", "b");
            List<CellOutput> users = runner.run("%%iam\nprintln world.accounts()[0].users()*.name()", "c");
            assertEquals(List.of(new CellOutput.Stream("stdout", "[alice, carol]\n")), users,
                    "cell b's second run replaced its bob by carol");
            CellOutput.Error failed = assertInstanceOf(CellOutput.Error.class, runner.run(
                    "%%iam\naccount('111122223333') { user 'dave' }\nthrow new IllegalStateException('no')", "d")
                    .get(0));
            assertEquals("IllegalStateException", failed.name());
            assertEquals(users, runner.run("%%iam\nprintln world.accounts()[0].users()*.name()", "c"),
                    "a failed cell leaves the world as it was");
        }
    }

    @Test
    void aCheckShowsItsHtmlAndCarriesTheCheckJson() {
        try (NotebookRunner runner = NotebookRunner.start(TestClassPath.runtime(), Path.of(""))) {
            List<CellOutput> check = runner.run("""
                    %%iam
                    account('111122223333') { user 'bob' }
                    edit(user('bob')) { inline('Uploads') { allow 's3:*' on '*' } }
                    check 'shop-bob-uploads'
                    """, "check");
            CellOutput.Display shown = assertInstanceOf(CellOutput.Display.class, check.get(check.size() - 1));
            assertTrue(shown.data().get("text/html").contains("class=\"iamlab-check\""), shown.data().toString());
            assertEquals("{\"exercise\":\"shop-bob-uploads\",\"passed\":1,\"total\":4,\"points\":0,"
                    + "\"max_points\":2}", shown.data().get("application/vnd.iamlab.check+json"));
        }
    }

    @Test
    void relativeFilesOfAwsCellsAreReadFromTheWorkingDirectoryGiven(@TempDir Path notebooks) throws IOException {
        Files.writeString(notebooks.resolve("trust.json"), """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service":
                "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                """);
        try (NotebookRunner runner = NotebookRunner.start(TestClassPath.runtime(), notebooks)) {
            runner.run("%%iam\naccount('111122223333') { }", null);
            List<CellOutput> created = runner.run("%aws iam create-role --role-name web"
                    + " --assume-role-policy-document file://trust.json", null);
            CellOutput.Display role = assertInstanceOf(CellOutput.Display.class, created.get(0), created.toString());
            assertTrue(role.data().get("application/json").contains("\"RoleName\":\"web\""), role.data().toString());
        }
    }

    @Test
    void twoRunnersRunningAtOnceOnTwoThreadsEachGetTheirOwnOutputsAndWorld() throws Exception {
        PrintStream console = System.out;
        // Both cells wait for each other at this barrier, so that they print and display at the same time.
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        System.getProperties().put("iamlab.test.together", together);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<List<CellOutput>>>> runs = new java.util.ArrayList<>();
            for (String name : List.of("alice", "bob")) {
                runs.add(threads.submit(() -> {
                    try (NotebookRunner runner = NotebookRunner.start(TestClassPath.runtime())) {
                        List<CellOutput> world = runner.run("%%iam\naccount('111122223333') { user '" + name
                                + "' }\nprintln 'built " + name + "'", "w");
                        List<CellOutput> both = runner.run("""
                                var together = (java.util.concurrent.CyclicBarrier)
                                        System.getProperties().get("iamlab.test.together");
                                together.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                for (int i = 0; i < 200; i++) { System.out.println("NAME " + i); }
                                display("shown by NAME");
                                together.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                "NAME"
                                """.replace("NAME", name), "t");
                        List<CellOutput> users = runner.run("%%iam\nprintln world.accounts()[0].users()*.name()",
                                "u");
                        return List.of(world, both, users);
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                String name = List.of("alice", "bob").get(r);
                List<List<CellOutput>> cells = runs.get(r).get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(List.of(new CellOutput.Stream("stdout", "built " + name + "\n")), cells.get(0));
                StringBuilder printed = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    printed.append(name).append(' ').append(i).append('\n');
                }
                assertEquals(List.of(new CellOutput.Stream("stdout", printed.toString()),
                        new CellOutput.Display(Map.of("text/plain", "shown by " + name), false),
                        new CellOutput.Display(Map.of("text/plain", name), true)), cells.get(1));
                assertEquals(List.of(new CellOutput.Stream("stdout", "[" + name + "]\n")), cells.get(2),
                        "each runner has its own world");
            }
        } finally {
            threads.shutdownNow();
            System.getProperties().remove("iamlab.test.together");
        }
        assertSame(console, System.out, "closing the last runner gives the console back");
    }
}
