package org.iamlab.site;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iamlab.kernel.CellOutput;

/** A lesson after its notebook ran: every cell with the outputs Jupyter would have shown. */
public record ExecutedLesson(Lesson lesson, List<Cell> cells) {

    public ExecutedLesson {
        Objects.requireNonNull(lesson, "lesson");
        cells = List.copyOf(cells);
    }

    /**
     * A cell, its outputs (none for Markdown cells), and its source in the student edition (solutions replaced by
     * stubs, hidden checks removed, as {@code iamlab student} makes it), empty when the student edition removes it.
     */
    public record Cell(Notebook.Cell cell, List<CellOutput> outputs, Optional<String> student) {
        public Cell {
            Objects.requireNonNull(cell, "cell");
            outputs = List.copyOf(outputs);
            Objects.requireNonNull(student, "student");
        }

        /** Whether the student edition shows this cell otherwise than it ran (a solution, or hidden checks). */
        public boolean changedForStudents() {
            return student.isEmpty() || !student.get().equals(cell.source());
        }
    }
}
