package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The kernel process, on each JDK of {@link Jdks}, driven over raw ZeroMQ sockets with what a well-behaved client
 * never sends: badly signed requests, malformed frames, floods, random messages on every channel, and cells that
 * call {@code System.exit}. Each time the kernel drops what it cannot use, stays up, keeps its state and answers
 * the next good request at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelResilienceTests {

    private static final long CELL_MILLIS = 60_000;
    /**
     * A bound, not a speed claim (the tests print the times they measure): before the fix the kernel never
     * answered again. Generous, because a JVM on a loaded 2-core machine can stall for seconds.
     */
    private static final long AT_ONCE_MILLIS = 20_000;
    private static final Gson GSON = new Gson();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** One directory for the class: the kernels (and their logs) live as long as the class's tests. */
    @TempDir
    static Path dir;

    private final Map<String, KernelProcess> kernels = new HashMap<>();

    static List<Jdks.Jdk> jdks() {
        return Jdks.both();
    }

    /**
     * Pings until one ping comes back, as a Jupyter client's heartbeat does every few seconds, so that the time
     * measured after it is the flood's and not the connection's set-up.
     */
    private static void echoedOnce(ZMQ.Socket hb, KernelProcess k) {
        hb.setReceiveTimeOut(200);
        long deadline = System.currentTimeMillis() + AT_ONCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            KernelProcess.sendFrames(hb, List.of(new byte[0], utf8("hello")));
            byte[] frame;
            while ((frame = hb.recv()) != null) {
                if (!hb.hasReceiveMore() && new String(frame, StandardCharsets.UTF_8).equals("hello")) {
                    return;
                }
            }
        }
        fail("the heartbeat echoed no ping within " + AT_ONCE_MILLIS + " ms; kernel log:\n" + k.log());
    }

    /** The kernel on {@code jdk}, started on first use with {@code int kept = 41} defined. */
    private KernelProcess kernel(Jdks.Jdk jdk) throws IOException {
        jdk.require();
        KernelProcess k = kernels.get(jdk.name());
        if (k == null) {
            k = KernelProcess.start(Files.createDirectories(dir.resolve("kernel-" + kernels.size())), jdk.java());
            kernels.put(jdk.name(), k);
            assertEquals("ok", k.waitForReady(CELL_MILLIS).content().get("status").getAsString());
            assertEquals("ok", run(k, "int kept = 41;").content().get("status").getAsString());
        }
        return k;
    }

    @AfterAll
    void stop() {
        kernels.values().forEach(KernelProcess::close);
    }

    private static KernelProcess.Msg run(KernelProcess k, String code) {
        String id = k.execute(code);
        KernelProcess.Msg reply = k.shellReply(id, CELL_MILLIS);
        k.outputs(id, CELL_MILLIS);
        return reply;
    }

    private static String result(KernelProcess k, String code) {
        String id = k.execute(code);
        KernelProcess.Msg reply = k.shellReply(id, CELL_MILLIS);
        List<KernelProcess.Msg> outputs = k.outputs(id, CELL_MILLIS);
        assertEquals("ok", reply.content().get("status").getAsString(), () -> code + ": " + reply.content());
        return value(outputs);
    }

    /** The text of a cell's execute_result among its outputs, or null. */
    private static String value(List<KernelProcess.Msg> outputs) {
        return outputs.stream().filter(m -> m.type().equals("execute_result")).findFirst()
                .map(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString()).orElse(null);
    }

    /** Milliseconds until a kernel_info request on the shell channel is answered. */
    private static long kernelInfoMillis(KernelProcess k) {
        long start = System.nanoTime();
        String id = k.shell("kernel_info_request", Map.of());
        assertEquals("ok", k.shellReply(id, AT_ONCE_MILLIS).content().get("status").getAsString());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One message of every malformed kind the channels must drop. */
    private static List<List<byte[]>> malformed(KernelProcess k) {
        Map<String, Object> noId = k.header("kernel_info_request", "x");
        noId.remove("msg_id");
        List<List<byte[]>> out = new ArrayList<>();
        out.add(List.of(utf8("no delimiter at all")));
        out.add(List.of(DELIMITER));
        out.add(List.of(DELIMITER, utf8("00"), utf8("{}")));
        out.add(k.frames("kernel_info_request", Map.of(), "not-the-key"));
        out.add(k.signedFrames(utf8("{not json"), utf8("{}"), utf8("{}"), utf8("{}")));
        out.add(k.signedFrames(utf8("[1, 2]"), utf8("{}"), utf8("{}"), utf8("{}")));
        out.add(k.signedFrames(utf8(GSON.toJson(noId)), utf8("{}"), utf8("{}"), utf8("{}")));
        out.add(k.signedFrames(utf8(GSON.toJson(k.header("no_such_request", "y"))), utf8("{}"), utf8("{}"),
                utf8("{}")));
        out.add(k.signedFrames(utf8(GSON.toJson(k.header("execute_request", "z"))), utf8("{}"), utf8("{}"),
                utf8("\"code\"")));
        out.add(k.signedFrames(utf8(GSON.toJson(k.header("history_request", "h"))), utf8("{}"), utf8("{}"),
                utf8("{\"hist_access_type\": 7}")));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aBadlySignedRequestIsNotRunAndTheNextRequestIsAnsweredAtOnce(Jdks.Jdk jdk) throws IOException {
        KernelProcess k = kernel(jdk);
        ZMQ.Socket shell = k.rawSocket(SocketType.DEALER, "shell_port");
        KernelProcess.sendFrames(shell, k.frames("execute_request", Map.of("code", "int hacked = 1;",
                "silent", false, "store_history", true, "user_expressions", Map.of(), "allow_stdin", false,
                "stop_on_error", true), "not-the-key"));
        long afterOne = kernelInfoMillis(k);
        int flood = 1_000;
        for (int i = 0; i < flood; i++) {
            KernelProcess.sendFrames(shell, k.frames("kernel_info_request", Map.of(), "not-the-key"));
        }
        long afterFlood = kernelInfoMillis(k);
        System.out.printf("%s: kernel_info answered %d ms after 1 badly signed request, %d ms after %d more%n",
                jdk, afterOne, afterFlood, flood);
        KernelProcess.Msg hacked = run(k, "hacked");
        assertEquals("CompilationError", hacked.content().get("ename").getAsString(), "the bad request did not run");
        assertEquals("42", result(k, "kept + 1"));
        shell.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void badMessagesQueuedBehindAFailedCellDoNotAbortTheNextCell(Jdks.Jdk jdk) throws IOException {
        // A quiet kernel of its own: what waits on the socket decides what a failure aborts.
        try (KernelProcess k = freshKernel(jdk, "queued")) {
            ZMQ.Socket shell = k.rawSocket(SocketType.DEALER, "shell_port");
            String failing = k.execute("if (true) { Thread.sleep(500); throw new IllegalStateException(\"boom\"); }");
            for (int i = 0; i < 5; i++) {
                KernelProcess.sendFrames(shell, k.frames("kernel_info_request", Map.of(), "not-the-key"));
            }
            assertEquals("error", k.shellReply(failing, CELL_MILLIS).content().get("status").getAsString());
            k.outputs(failing, CELL_MILLIS);
            assertEquals("42", result(k, "kept + 1"), "a cell sent after the error reply runs");
            shell.close();
        }
    }

    /** A kernel of its own for one test (closed by the caller), with {@code kept} = 41 like the shared ones. */
    private static KernelProcess freshKernel(Jdks.Jdk jdk, String purpose) throws IOException {
        jdk.require();
        KernelProcess k = KernelProcess.start(Files.createDirectories(dir.resolve(purpose + "-"
                + jdk.name().replaceAll("\\W", "-"))), jdk.java());
        assertEquals("ok", k.waitForReady(CELL_MILLIS).content().get("status").getAsString());
        assertEquals("ok", run(k, "int kept = 41;").content().get("status").getAsString());
        return k;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void malformedMessagesOnTheShellAndControlChannelsAreDropped(Jdks.Jdk jdk) throws IOException {
        KernelProcess k = kernel(jdk);
        ZMQ.Socket shell = k.rawSocket(SocketType.DEALER, "shell_port");
        ZMQ.Socket control = k.rawSocket(SocketType.DEALER, "control_port");
        for (int i = 0; i < 3; i++) {
            for (List<byte[]> m : malformed(k)) {
                KernelProcess.sendFrames(shell, m);
                KernelProcess.sendFrames(control, m);
            }
        }
        kernelInfoMillis(k);
        String id = k.control("kernel_info_request", Map.of());
        assertEquals("ok", k.controlReply(id, AT_ONCE_MILLIS).content().get("status").getAsString());
        assertEquals("42", result(k, "kept + 1"));
        String log = awaitLog(k, "dropped a message: unknown message type (`no_such_request`)");
        assertEquals(1, count(log, "shell channel: dropped a message: bad signature"), log);
        assertTrue(log.contains("shell channel: dropped a message: missing frames"), log);
        assertTrue(log.contains("control channel: dropped a message: header lacks a field (no `msg_id`"), log);
        assertTrue(log.contains("dropped a message: unknown message type (`no_such_request`)"), log);
        shell.close();
        control.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void codeSentOnTheControlChannelIsNotRunBesideTheShellsCell(Jdks.Jdk jdk) throws IOException {
        KernelProcess k = kernel(jdk);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("code", "int fromControl = 1;");
        content.put("silent", false);
        content.put("store_history", true);
        content.put("user_expressions", Map.of());
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        String busy = k.execute("Thread.sleep(300); kept");
        k.control("execute_request", content);
        k.control("complete_request", Map.of("code", "Str", "cursor_pos", 3));
        assertEquals("ok", k.shellReply(busy, CELL_MILLIS).content().get("status").getAsString());
        k.outputs(busy, CELL_MILLIS);
        awaitLog(k, "control channel: dropped a message: a shell request on the control channel");
        KernelProcess.Msg undefined = run(k, "fromControl");
        assertEquals("error", undefined.content().get("status").getAsString(),
                "the control channel's execute_request was not run");
        assertEquals("42", result(k, "kept + 1"));
    }

    /** The kernel's log once it holds {@code part} (it is written by another process), or as it is after 5 s. */
    private static String awaitLog(KernelProcess k, String part) {
        long deadline = System.currentTimeMillis() + AT_ONCE_MILLIS;
        String log = k.log();
        while (!log.contains(part) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            log = k.log();
        }
        return log;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theHeartbeatEchoesAFloodOfOddPingsAndThenTheRealOneAtOnce(Jdks.Jdk jdk) throws IOException {
        // A kernel of its own, as for the other floods.
        try (KernelProcess k = freshKernel(jdk, "heartbeat")) {
            ZMQ.Socket hb = k.rawSocket(SocketType.DEALER, "hb_port");
            echoedOnce(hb, k);
            Random random = new Random(16);
            for (int i = 0; i < 300; i++) {
                List<byte[]> frames = new ArrayList<>();
                frames.add(new byte[0]);
                for (int f = random.nextInt(4); f >= 0; f--) {
                    byte[] b = new byte[random.nextInt(40)];
                    random.nextBytes(b);
                    frames.add(b);
                }
                KernelProcess.sendFrames(hb, frames);
            }
            long start = System.nanoTime();
            KernelProcess.sendFrames(hb, List.of(new byte[0], utf8("ping")));
            hb.setReceiveTimeOut((int) AT_ONCE_MILLIS);
            // the hellos of echoedOnce that came back late are skipped below like the odd pings
            byte[] last = null;
            while (true) {
                byte[] frame = hb.recv();
                assertNotNull(frame, () -> "the heartbeat did not echo the last ping within " + AT_ONCE_MILLIS
                        + " ms; kernel log:\n" + k.log());
                if (!hb.hasReceiveMore() && new String(frame, StandardCharsets.UTF_8).equals("ping")) {
                    last = frame;
                    break;
                }
            }
            System.out.printf("%s: heartbeat echoed 300 odd pings and the real one in %d ms%n", jdk,
                    (System.nanoTime() - start) / 1_000_000);
            assertArrayEquals(utf8("ping"), last);
            hb.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aCellReadingInputGetsTheRealReplyPastBadOnes(Jdks.Jdk jdk) throws IOException {
        KernelProcess k = kernel(jdk);
        ZMQ.Socket stdin = k.rawSocket(SocketType.DEALER, "stdin_port");
        for (List<byte[]> m : malformed(k)) {
            KernelProcess.sendFrames(stdin, m);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("code", "new java.util.Scanner(System.in).nextLine() + \"!\"");
        content.put("silent", false);
        content.put("store_history", true);
        content.put("user_expressions", Map.of());
        content.put("allow_stdin", true);
        content.put("stop_on_error", true);
        String id = k.shell("execute_request", content);
        KernelProcess.Msg request = k.receive(stdin, System.currentTimeMillis() + CELL_MILLIS);
        assertNotNull(request, "no input_request; kernel log:\n" + k.log());
        assertEquals("input_request", request.type());
        for (List<byte[]> m : malformed(k)) {
            KernelProcess.sendFrames(stdin, m);
        }
        KernelProcess.sendFrames(stdin, k.frames("input_reply", Map.of("value", "forged"), "not-the-key"));
        KernelProcess.sendFrames(stdin, k.frames("input_reply", Map.of("value", "typed"), k.key()));
        KernelProcess.Msg reply = k.shellReply(id, CELL_MILLIS);
        List<KernelProcess.Msg> outputs = k.outputs(id, CELL_MILLIS);
        assertEquals("ok", reply.content().get("status").getAsString(), reply.content().toString());
        assertEquals("typed!", outputs.stream().filter(m -> m.type().equals("execute_result")).findFirst()
                .orElseThrow().content().getAsJsonObject("data").get("text/plain").getAsString());
        stdin.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exitFromAJavaCellAnIamCellOrCodeTheyCallIsRefusedAndTheKernelKeepsItsWorld(Jdks.Jdk jdk)
            throws IOException {
        KernelProcess k = kernel(jdk);
        assertEquals("ok", run(k, "%%iam\naccount('111122223333') { alice = user('alice') }")
                .content().get("status").getAsString());
        assertEquals("ok", run(k, "Runnable leave = () -> System.exit(3);").content().get("status").getAsString());
        for (String code : List.of("System.exit(0);", "Runtime.getRuntime().halt(1);", "leave.run();",
                "%%iam\nSystem.exit(0)", "%%iam\n[1].each { Runtime.runtime.halt(it) }", "%%iam\nleave.run()")) {
            KernelProcess.Msg reply = run(k, code);
            assertEquals("error", reply.content().get("status").getAsString(), code);
            assertTrue(reply.content().get("ename").getAsString().endsWith("ExitRefused"), () -> code + ": "
                    + reply.content());
            assertTrue(reply.content().get("evalue").getAsString().contains("the kernel stays up; use %reset for a"
                    + " fresh world or restart the kernel from the menu"), reply.content().toString());
            assertTrue(k.process().isAlive(), "the kernel process lives after " + code);
        }
        assertEquals("42", result(k, "kept + 1"));
        assertEquals("arn:aws:iam::111122223333:user/alice", result(k, "alice.arn()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFewHundredRandomAndMutatedMessagesLeaveTheKernelAnswering(Jdks.Jdk jdk) throws IOException {
        // A kernel of its own: what the fuzz leaves queued (on the raw sockets, fair-queued behind the test's own
        // requests) must not reach the other tests' kernel.
        try (KernelProcess k = freshKernel(jdk, "fuzz")) {
            long seed = Long.getLong("iamlab.fuzz.seed", System.nanoTime());
            Random random = new Random(seed);
            ZMQ.Socket shell = k.rawSocket(SocketType.DEALER, "shell_port");
            ZMQ.Socket control = k.rawSocket(SocketType.DEALER, "control_port");
            ZMQ.Socket stdin = k.rawSocket(SocketType.DEALER, "stdin_port");
            for (int i = 0; i < 400; i++) {
                ZMQ.Socket target = switch (random.nextInt(4)) {
                    case 0 -> control;
                    case 1 -> stdin;
                    default -> shell;
                };
                KernelProcess.sendFrames(target, WireFuzz.message(k, random));
            }
            long start = System.nanoTime();
            assertEquals("42", resultOnceRun(k, "kept + 1"), "seed " + seed);
            System.out.printf("%s: after 400 random messages (seed %d), a cell answered in %d ms%n", jdk, seed,
                    (System.nanoTime() - start) / 1_000_000);
            assertTrue(k.process().isAlive(), "seed " + seed);
            shell.close();
            control.close();
            stdin.close();
        }
    }

    /**
     * The value of {@code code}, sent again while it comes back aborted: a random cell that failed with
     * stop_on_error rightly aborts what waits behind it, and each aborted reply drains the queue further.
     */
    private static String resultOnceRun(KernelProcess k, String code) {
        for (int attempt = 0; attempt < 400; attempt++) {
            String id = k.execute(code);
            KernelProcess.Msg reply = k.shellReply(id, CELL_MILLIS);
            List<KernelProcess.Msg> outputs = k.outputs(id, CELL_MILLIS);
            String status = reply.content().get("status").getAsString();
            if (!status.equals("aborted")) {
                assertEquals("ok", status, () -> code + ": " + reply.content());
                return value(outputs);
            }
        }
        return "aborted 400 times";
    }
}
