package org.iamlab.kernel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One output of a cell run without Jupyter, as nbformat stores it: printed text, a display (or the cell's value),
 * or the error that ended the cell.
 */
public sealed interface CellOutput {

    /** Text the cell printed on {@code stdout} or {@code stderr}. */
    record Stream(String name, String text) implements CellOutput {
        public Stream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A MIME bundle (MIME type to its text: {@code text/plain} always, {@code text/html} for traces and worlds,
     * {@code application/json} for the CLI's answers); {@code result} when it is the cell's value
     * ({@code execute_result}), not something the cell displayed while it ran.
     */
    record Display(Map<String, String> data, boolean result) implements CellOutput {
        public Display {
            data = Map.copyOf(data);
        }
    }

    /** The error that ended the cell: Jupyter's {@code ename}, {@code evalue} and {@code traceback}. */
    record Error(String name, String value, List<String> traceback) implements CellOutput {
        public Error {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            traceback = List.copyOf(traceback);
        }
    }
}
