package org.iamlab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Which {@link NotebookRunner} a thread works for, so that several runners can run notebooks at once in one JVM
 * (the site builder runs a lesson on each processor). The JVM has one {@code System.out}, one {@code System.err}
 * and jjava one notebook kernel; while runners are open, {@code System.out} and {@code System.err} are routers
 * that send what a thread prints to the runner the thread is bound to, and {@link Notebook}'s calls find that
 * runner's kernel. A binding is inherited: JShell starts a thread for each snippet from the thread that runs the
 * cell, and the kernel starts JShell and Groovy on threads of their own, so all of them print to their runner.
 * Threads bound to no runner print to the console that was {@code System.out} when the first runner opened.
 */
final class RunnerThreads {

    /** What a thread's output and {@link Notebook} calls go to. */
    record Binding(OutputStream out, OutputStream err, IamLabKernel kernel) {
    }

    private static final InheritableThreadLocal<Binding> BOUND = new InheritableThreadLocal<>();
    private static int open;
    private static PrintStream consoleOut;
    private static PrintStream consoleErr;

    private RunnerThreads() {
    }

    /** A runner opens: the first one makes {@code System.out} and {@code System.err} routers. */
    static synchronized void open() {
        if (open++ == 0) {
            consoleOut = System.out;
            consoleErr = System.err;
            System.setOut(new PrintStream(new Router(consoleOut, true), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Router(consoleErr, false), true, StandardCharsets.UTF_8));
        }
    }

    /** A runner closes: the last one gives the console back. */
    static synchronized void close() {
        if (--open == 0) {
            System.setOut(consoleOut);
            System.setErr(consoleErr);
        }
    }

    /** Binds the calling thread (and the threads it starts) to {@code binding} until the scope closes. */
    static Scope bind(Binding binding) {
        Binding previous = BOUND.get();
        BOUND.set(binding);
        return () -> BOUND.set(previous);
    }

    /** The kernel of the runner the calling thread works for, if any. */
    static IamLabKernel kernel() {
        Binding b = BOUND.get();
        return b == null ? null : b.kernel();
    }

    /** A binding's extent. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** {@code System.out} or {@code System.err}: the bound runner's stream, else the console. */
    private static final class Router extends OutputStream {
        private final PrintStream console;
        private final boolean out;

        Router(PrintStream console, boolean out) {
            this.console = console;
            this.out = out;
        }

        private OutputStream target() {
            Binding b = BOUND.get();
            return b == null ? console : out ? b.out() : b.err();
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            target().flush();
        }
    }
}
