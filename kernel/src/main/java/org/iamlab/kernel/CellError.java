package org.iamlab.kernel;

import java.util.List;
import java.util.Objects;

/**
 * A cell that failed, as Jupyter shows it: an error name, a message and the traceback lines, with line numbers
 * counted in the cell (line 1 is the cell's first line), never in JShell snippets or generated scripts.
 */
public final class CellError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> traceback;

    /**
     * @param name      what went wrong, e.g. {@code CompilationError} or {@code java.lang.ArithmeticException}
     * @param message   the one-line explanation
     * @param traceback the lines Jupyter prints, first the summary, then where it happened
     */
    public CellError(String name, String message, List<String> traceback) {
        super(message);
        this.name = Objects.requireNonNull(name, "name");
        this.traceback = List.copyOf(traceback);
    }

    /** An error whose traceback is its summary line alone. */
    public static CellError of(String name, String message) {
        return new CellError(name, message, List.of(name + ": " + message));
    }

    /** The cell was interrupted: by the Jupyter interrupt button or an interrupt request. */
    static CellError interrupted() {
        return of("KernelInterrupted", "the cell was interrupted; the kernel and its variables are kept");
    }

    /** Jupyter's {@code ename}. */
    public String name() {
        return name;
    }

    /** Jupyter's {@code evalue}: the message, never null. */
    public String value() {
        return getMessage() == null ? "" : getMessage();
    }

    /** Jupyter's {@code traceback}. */
    public List<String> traceback() {
        return traceback;
    }
}
