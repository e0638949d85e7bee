package org.iamlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.iamlab.lessons.render.FeedbackView;

/**
 * The kernel's execution core without Jupyter: one fresh kernel (its own JShell, {@code %%iam} world and magics,
 * as a notebook gets in Jupyter) that runs cells one after another in this process and returns each cell's
 * outputs as Jupyter would have shown them. The site builder and tools that execute notebooks use it.
 *
 * <p>Several runners may run at once, on threads of their own: while runners are open, {@code System.out} and
 * {@code System.err} send what a thread prints to the runner whose cell the thread runs ({@link RunnerThreads}),
 * and print to the console otherwise; closing the last runner gives the console back. The runner's kernel is not
 * jjava's notebook kernel (of which a JVM has one), so a runner may run beside a Jupyter kernel too.
 */
public final class NotebookRunner implements AutoCloseable {

    /** The MIME types the kernel's values come in, the check results' JSON ({@code check}, {@code answer}) too. */
    private static final List<MIMEType> SHOWN_TYPES = List.of(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML,
            MIMEType.APPLICATION_JSON, MIMEType.IMAGE_SVG, MIMEType.TEXT_MARKDOWN,
            MIMEType.parse(FeedbackView.CHECK_MIME));

    private final IamLabKernel kernel;
    private final Capture out = new Capture();
    private final Capture err = new Capture();
    private final RunnerThreads.Binding binding;
    /** The running cell's outputs; displays arrive on JShell's execution thread while {@link #run} waits. */
    private final List<CellOutput> outputs = java.util.Collections.synchronizedList(new ArrayList<>());
    private int count;

    private NotebookRunner(String classPath, Path workingDir) {
        kernel = IamLabKernel.create();
        binding = new RunnerThreads.Binding(out, err, kernel);
        RunnerThreads.open();
        kernel.displayTo(this::displayed);
        kernel.workingDir(workingDir);
        try (RunnerThreads.Scope bound = RunnerThreads.bind(binding)) {
            kernel.startEngines(classPath);
        }
    }

    /**
     * A runner whose JShell compiles against {@code classPath} (the class path of IAM Lab and its libraries, e.g.
     * {@code System.getProperty("java.class.path")} in the {@code iamlab} jar). JShell and Groovy start in the
     * background; the first cell waits for them. Relative files of {@code %%iam} and {@code aws} cells are read
     * from {@code workingDir}, the notebook's folder, where Jupyter starts a notebook's kernel. (The JVM has one
     * working directory: a Java cell's own {@code Path.of("x")} still resolves against the process's.)
     */
    public static NotebookRunner start(String classPath, Path workingDir) {
        return new NotebookRunner(classPath, workingDir);
    }

    /** A runner that reads relative files from the process's working directory (see {@link #start(String, Path)}). */
    public static NotebookRunner start(String classPath) {
        return start(classPath, Path.of(""));
    }

    /** Runs a cell known by its code, as the kernel does when a front end sends no cell id. */
    public List<CellOutput> run(String code) {
        return run(code, null);
    }

    /**
     * Runs one cell (Java, or a magic cell such as {@code %%iam}) and returns its outputs in order. As in Jupyter,
     * the cell runs in a run of the world ({@code IamCells.CellRun}): running the cell called {@code cellId} again
     * replaces what its last run defined, and a cell that fails leaves the world as it was before it.
     *
     * @param cellId the notebook's id of the cell (nbformat 4.5), or null to know the cell by its code, as
     *               Jupyter does when the front end sends no id
     */
    public List<CellOutput> run(String code, String cellId) {
        outputs.clear();
        count++;
        try (RunnerThreads.Scope bound = RunnerThreads.bind(binding)) {
            JavaShell.Outcome outcome = cellId == null || cellId.isBlank() ? kernel.execute(code, count)
                    : kernel.execute(code, count, "id:" + cellId);
            drain();
            if (outcome.hasValue() && outcome.value() != null && !(outcome.value() instanceof Magics.Page)
                    && !kernel.alreadyShown(outcome.value())) {
                outputs.add(new CellOutput.Display(bundle(Displays.render(outcome.value(), kernel.getRenderer())),
                        true));
            }
        } catch (CellError e) {
            drain();
            outputs.add(new CellOutput.Error(e.name(), e.value(), e.traceback()));
        } catch (RuntimeException e) {
            drain();
            outputs.add(new CellOutput.Error("KernelError", String.valueOf(e), kernel.formatError(e)));
        }
        synchronized (outputs) {
            return List.copyOf(outputs);
        }
    }

    /**
     * Stops the running cell, as Jupyter's interrupt does (from another thread: {@link #run} then returns the
     * cell's outputs with an error); the kernel and its state stay.
     */
    public void interrupt() {
        kernel.interrupt();
    }

    /** The lab of the {@code %%iam} cells run so far: their world and the learner's workbook (answers given). */
    public org.iamlab.dsl.Lab lab() {
        return kernel.lab();
    }

    private void displayed(DisplayData data) {
        drain();
        outputs.add(new CellOutput.Display(bundle(data), false));
    }

    /** What was printed since the last output, as stream outputs (as Jupyter shows them: stdout, then stderr). */
    private void drain() {
        System.out.flush();
        System.err.flush();
        synchronized (outputs) {
            for (var stream : List.of(Map.entry("stdout", out), Map.entry("stderr", err))) {
                String text = stream.getValue().take();
                if (!text.isEmpty()) {
                    outputs.add(new CellOutput.Stream(stream.getKey(), text));
                }
            }
        }
    }

    /** A display's MIME bundle as text per type ({@code application/json} as its JSON text). */
    private static Map<String, String> bundle(DisplayData data) {
        Map<String, String> bundle = new LinkedHashMap<>();
        for (MIMEType type : SHOWN_TYPES) {
            if (data.hasDataForType(type)) {
                bundle.put(type.toString(), String.valueOf(data.getData(type)));
            }
        }
        return bundle;
    }

    /** Stops the kernel's JShell; the last runner to close gives the console back. */
    @Override
    public void close() {
        kernel.displayTo(null);
        kernel.stopEngines();
        RunnerThreads.close();
    }

    /** Where the cells' output is gathered until the next output is taken. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        synchronized String take() {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            return text;
        }
    }
}
