package org.iamlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * {@code System.out} and {@code System.err} of the kernel: while a cell runs, what is printed goes to the cell
 * as Jupyter {@code stream} messages, gathered for up to {@value #FLUSH_MILLIS} ms so that a loop of prints does
 * not become thousands of messages; between cells it goes to the kernel's own console. Messages are sent by the
 * flusher thread, never by the thread that prints (so that stopping a cell cannot cut a message in half); a cell
 * that prints faster than Jupyter takes it waits. Output of background threads goes to whichever cell is running
 * (the JVM has one {@code System.out}).
 */
final class CellStreams implements AutoCloseable {

    static final long FLUSH_MILLIS = 100;
    private static final int FLUSH_BYTES = 64 * 1024;

    private final Channel stdout;
    private final Channel stderr;
    private final PrintStream previousOut;
    private final PrintStream previousErr;
    private final ScheduledExecutorService flusher;

    private CellStreams() {
        previousOut = System.out;
        previousErr = System.err;
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iamlab-output-flusher");
            t.setDaemon(true);
            return t;
        });
        stdout = new Channel(previousOut, ShellReplyEnvironment::writeToStdOut, flusher);
        stderr = new Channel(previousErr, ShellReplyEnvironment::writeToStdErr, flusher);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Installs the streams as {@code System.out} and {@code System.err} until {@link #close()}. */
    static CellStreams install() {
        CellStreams streams = new CellStreams();
        System.setOut(new PrintStream(streams.stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(streams.stderr, true, StandardCharsets.UTF_8));
        return streams;
    }

    /** From now on, output goes to the cell that {@code env} answers. */
    void attach(ShellReplyEnvironment env) {
        stdout.attach(env);
        stderr.attach(env);
    }

    /** Sends what was printed so far. */
    void flush() {
        stdout.send();
        stderr.send();
    }

    /** Sends what is left and sends later output to the console again. */
    void detach() {
        System.out.flush();
        System.err.flush();
        stdout.detach();
        stderr.detach();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        detach();
        System.setOut(previousOut);
        System.setErr(previousErr);
    }

    /** One stream: a buffer while attached to a cell, the console otherwise. */
    private static final class Channel extends OutputStream {

        private final PrintStream console;
        private final BiConsumer<ShellReplyEnvironment, String> publish;
        private final java.util.concurrent.Executor flusher;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private ShellReplyEnvironment env;

        Channel(PrintStream console, BiConsumer<ShellReplyEnvironment, String> publish,
                java.util.concurrent.Executor flusher) {
            this.console = console;
            this.publish = publish;
            this.flusher = flusher;
        }

        synchronized void attach(ShellReplyEnvironment env) {
            send();
            this.env = env;
        }

        synchronized void detach() {
            send();
            env = null;
        }

        @Override
        public synchronized void write(int b) {
            if (env == null) {
                console.write(b);
            } else {
                buffer.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (env == null) {
                console.write(b, off, len);
                return;
            }
            buffer.write(b, off, len);
            if (buffer.size() >= FLUSH_BYTES) {
                flusher.execute(this::send);
                while (env != null && buffer.size() >= 4 * FLUSH_BYTES) {
                    try {
                        wait(FLUSH_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** Flushing is the flusher's job: a print does not become a message of its own. */
        @Override
        public void flush() {
            if (env == null) {
                console.flush();
            }
        }

        /** Publishes the complete characters in the buffer; an unfinished UTF-8 sequence waits for its end. */
        synchronized void send() {
            if (env == null || buffer.size() == 0) {
                return;
            }
            byte[] bytes = buffer.toByteArray();
            int end = completeUtf8Prefix(bytes);
            buffer.reset();
            buffer.write(bytes, end, bytes.length - end);
            notifyAll();
            if (end > 0) {
                publish.accept(env, new String(bytes, 0, end, StandardCharsets.UTF_8));
            }
        }
    }

    /** The length of the longest prefix of {@code bytes} that does not end inside a UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= 3 && back <= n; back++) {
            int b = bytes[n - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
