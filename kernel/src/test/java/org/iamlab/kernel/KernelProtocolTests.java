package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter runs it: its own JVM, started with a connection file and driven over ZeroMQ, for what a
 * conformance suite does not cover: an interrupted loop (Java, Groovy, a sleep) stops within 2 s and the kernel,
 * its variables and its world survive; an error leaves earlier state usable; a restart starts afresh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelProtocolTests {

    private static final long CELL_MILLIS = 60_000;

    @TempDir
    static Path dir;

    private static KernelProcess kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = KernelProcess.start(dir);
        KernelProcess.Msg reply = kernel.waitForReady(CELL_MILLIS);
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals("java", reply.content().getAsJsonObject("language_info").get("name").getAsString());
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static KernelProcess.Msg run(String code) {
        String id = kernel.execute(code);
        KernelProcess.Msg reply = kernel.shellReply(id, CELL_MILLIS);
        kernel.outputs(id, CELL_MILLIS);
        return reply;
    }

    private static String result(String code) {
        String id = kernel.execute(code);
        KernelProcess.Msg reply = kernel.shellReply(id, CELL_MILLIS);
        List<KernelProcess.Msg> outputs = kernel.outputs(id, CELL_MILLIS);
        assertEquals("ok", reply.content().get("status").getAsString(), () -> code + ": " + reply.content());
        return outputs.stream().filter(m -> m.type().equals("execute_result")).findFirst()
                .map(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString()).orElse(null);
    }

    @Test
    @Order(1)
    void anErrorLeavesEarlierStateUsable() {
        assertEquals("ok", run("int kept = 41;").content().get("status").getAsString());
        assertEquals("ok", run("%%iam\nworldName = 'kept too'").content().get("status").getAsString());

        String id = kernel.execute("int a = 1;\nint b = kept / 0;");
        KernelProcess.Msg reply = kernel.shellReply(id, CELL_MILLIS);
        List<KernelProcess.Msg> outputs = kernel.outputs(id, CELL_MILLIS);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("java.lang.ArithmeticException", reply.content().get("ename").getAsString());
        KernelProcess.Msg error = outputs.stream().filter(m -> m.type().equals("error")).findFirst().orElseThrow();
        assertTrue(error.content().getAsJsonArray("traceback").toString().contains("(line 2)"),
                () -> "the traceback names the cell's line 2: " + error.content());

        assertEquals("42", result("kept + 1"));
        assertEquals("kept too", result("%%iam\nworldName"));
    }

    @Test
    @Order(2)
    void anInterruptStopsAJavaLoopWithinTwoSecondsAndTheKernelKeepsItsState() throws Exception {
        assertInterrupts("long spins = 0;\nwhile (true) { spins++; }");
        assertEquals("42", result("kept + 1"));
    }

    @Test
    @Order(3)
    void anInterruptStopsAGroovyLoopInAnIamCell() throws Exception {
        assertInterrupts("%%iam\nwhile (true) { }");
        assertEquals("kept too", result("%%iam\nworldName"));
    }

    @Test
    @Order(4)
    void anInterruptEndsASleep() throws Exception {
        assertInterrupts("Thread.sleep(600_000);");
        assertEquals("42", result("kept + 1"));
    }

    private static void assertInterrupts(String code) throws InterruptedException {
        String id = kernel.execute(code);
        Thread.sleep(1500);
        long sent = System.nanoTime();
        String interrupt = kernel.control("interrupt_request", Map.of());
        assertEquals("ok", kernel.controlReply(interrupt, 5_000).content().get("status").getAsString());
        KernelProcess.Msg reply = kernel.shellReply(id, 10_000);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        kernel.outputs(id, 10_000);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("KernelInterrupted", reply.content().get("ename").getAsString());
        assertTrue(millis <= 2_000, "stopped " + millis + " ms after the interrupt");
    }

    @Test
    @Order(5)
    void aRestartStartsAFreshKernelOnTheSamePorts() throws Exception {
        String id = kernel.control("shutdown_request", Map.of("restart", true));
        KernelProcess.Msg reply = kernel.controlReply(id, 10_000);
        assertEquals("ok", reply.content().get("status").getAsString());
        assertTrue(reply.content().get("restart").getAsBoolean());
        assertTrue(kernel.waitForExit(10_000), "the kernel process ends after shutdown_request");
        assertEquals(0, kernel.process().exitValue());

        kernel.launch();
        assertEquals("ok", kernel.waitForReady(CELL_MILLIS).content().get("status").getAsString());
        KernelProcess.Msg gone = run("kept");
        assertEquals("error", gone.content().get("status").getAsString());
        assertEquals("CompilationError", gone.content().get("ename").getAsString());
        assertEquals("2", result("1 + 1"));
    }
}
