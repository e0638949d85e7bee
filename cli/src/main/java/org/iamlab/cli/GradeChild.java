package org.iamlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iamlab.kernel.CellOutput;
import org.iamlab.kernel.NotebookRunner;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.grade.Status;
import org.iamlab.lessons.grade.WorkExport;
import org.iamlab.lessons.student.Notebook;

/**
 * The JVM {@code iamlab grade} starts for one submission (its own main class: not a command a user types). It
 * runs each notebook given in a fresh kernel ({@link NotebookRunner}, as Jupyter would), stops a cell that runs
 * past the cell limit (the kernel's interrupt) or prints past the output limit, and writes, per notebook, a JSON
 * line when it starts and one when it ends, with the student's work exported as data ({@link WorkExport}). It
 * sees only the public view of the exercises; the grading process applies the checks.
 *
 * <p>Arguments: {@code RESULTS CELL_MILLIS OUTPUT_BYTES NOTEBOOK=EXERCISE,EXERCISE...}.
 */
public final class GradeChild {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GradeChild() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        long cellMillis = Long.parseLong(args[1]);
        long outputBytes = Long.parseLong(args[2]);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cell-timer");
            t.setDaemon(true);
            return t;
        });
        Checker checker = new Checker();
        AtomicLong printed = new AtomicLong();
        AtomicBoolean overflow = new AtomicBoolean();
        // One kernel for all of the submission's notebooks, reset between them (%reset: a fresh world and
        // workbook): starting JShell and Groovy again for each notebook would cost most of the run.
        try (Writer out = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
             NotebookRunner runner = NotebookRunner.start(System.getProperty("java.class.path"))) {
            // JShell and Groovy start in the background and the first cells wait for them: not the student's time.
            runner.run("int warmUp = 1;");
            runner.run("%%iam\n1");
            System.setOut(capped(System.out, printed, outputBytes, overflow, runner::interrupt));
            System.setErr(capped(System.err, printed, outputBytes, overflow, runner::interrupt));
            for (int i = 3; i < args.length; i++) {
                int eq = args[i].lastIndexOf('=');
                Path notebook = Path.of(args[i].substring(0, eq));
                List<String> ids = args[i].substring(eq + 1).isEmpty() ? List.of()
                        : List.of(args[i].substring(eq + 1).split(","));
                String name = notebook.getFileName().toString();
                line(out, JSON.createObjectNode().put("start", name)
                        .put("jvmMillis", ManagementFactory.getRuntimeMXBean().getUptime()));
                runner.run("%reset");
                printed.set(0);
                overflow.set(false);
                line(out, run(runner, notebook, name, ids, cellMillis, outputBytes, overflow, timer, checker));
            }
        }
        Runtime.getRuntime().halt(0);
    }

    private static void line(Writer out, ObjectNode json) throws IOException {
        out.write(JSON.writeValueAsString(json));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode run(NotebookRunner runner, Path path, String name, List<String> ids, long cellMillis,
                                  long outputBytes, AtomicBoolean overflow, ScheduledExecutorService timer,
                                  Checker checker)
            throws IOException {
        long start = System.nanoTime();
        Notebook notebook = Notebook.parse(name, Files.readString(path));
        ObjectNode result = JSON.createObjectNode().put("notebook", name);
        List<String> notes = new ArrayList<>();
        Status problem = null;
        String detail = null;
        AtomicBoolean late = new AtomicBoolean();
        int index = 0;
        for (var cell : notebook.cells()) {
            index++;
            String source = Notebook.source(cell);
            if (!cell.path("cell_type").asText().equals("code") || source.isBlank()) {
                continue;
            }
            late.set(false);
            ScheduledFuture<?> alarm = timer.schedule(() -> {
                late.set(true);
                runner.interrupt();
            }, cellMillis, TimeUnit.MILLISECONDS);
            List<CellOutput> outputs = runner.run(source);
            alarm.cancel(false);
            if (late.get()) {
                problem = Status.TIMEOUT;
                detail = "cell " + index + " ran longer than " + cellMillis / 1000.0 + " s and was stopped";
            } else if (overflow.get()) {
                problem = Status.OUTPUT_LIMIT;
                detail = "cell " + index + " printed more than " + outputBytes + " bytes and was stopped";
            }
            for (CellOutput o : outputs) {
                if (o instanceof CellOutput.Error e) {
                    String what = e.name() + ": " + e.value();
                    if (problem == null && what.contains("OutOfMemoryError")) {
                        problem = Status.OUT_OF_MEMORY;
                        detail = "cell " + index + " ran out of memory (" + e.value() + ")";
                    } else if (what.contains("ExitRefused")) {
                        notes.add("cell " + index + " tried to end the JVM; refused: " + e.value());
                    }
                }
            }
            if (problem != null) {
                break;
            }
        }
        if (problem == null) {
            result.set("work", WorkExport.of(runner.lab(), Catalog.course(), checker, ids));
        }
        result.put("problem", problem == null ? null : problem.csv());
        result.put("detail", detail);
        notes.forEach(result.putArray("notes")::add);
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        return result;
    }

    /** {@code target}, up to {@code limit} bytes printed (shared by out and err); past it, {@code stop} once. */
    private static PrintStream capped(PrintStream target, AtomicLong printed, long limit, AtomicBoolean overflow,
                                      Runnable stop) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (printed.addAndGet(len) <= limit) {
                    target.write(b, off, len);
                } else if (overflow.compareAndSet(false, true)) {
                    stop.run();
                }
            }

            @Override
            public void flush() {
                target.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
