package org.iamlab.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iamlab.kernel.CellOutput;
import org.iamlab.kernel.NotebookRunner;
import org.iamlab.lessons.student.StudentEdition;
import org.iamlab.lessons.student.StudentEditionException;

/**
 * Runs a lesson's notebook as Jupyter would (a fresh kernel, every code cell in order, errors shown and the run
 * going on), or takes its outputs from the cache when neither the notebook nor the program changed.
 */
final class LessonRunner {

    private final String classPath;
    private final LessonCache cache;

    LessonRunner(String classPath, LessonCache cache) {
        this.classPath = classPath;
        this.cache = cache;
    }

    /** What running a lesson gave: the lesson with its outputs, whether it came from the cache, its failed cells. */
    record Result(ExecutedLesson lesson, boolean cached, List<String> failures) {
    }

    /** Runs {@code lesson}, or takes it from the cache; {@code beforeRunning} is called before a lesson runs. */
    Result run(Lesson lesson, Runnable beforeRunning) throws IOException {
        String text = Files.readString(lesson.notebook(), StandardCharsets.UTF_8);
        Notebook notebook = Notebook.parse(text, lesson.notebook().toString());
        List<Optional<String>> student;
        try {
            student = StudentEdition.cellSources(lesson.notebook().getFileName().toString(), text);
        } catch (StudentEditionException e) {
            throw new IOException(e.getMessage(), e);
        }
        String key = cache.key(lesson.notebook());
        Optional<List<List<CellOutput>>> stored = cache.get(lesson.id(), key);
        boolean cached = stored.isPresent() && stored.get().size() == notebook.cells().size();
        if (!cached) {
            beforeRunning.run();
        }
        List<List<CellOutput>> outputs = cached ? stored.get()
                : execute(notebook, lesson.notebook().toAbsolutePath().getParent());
        if (!cached) {
            cache.put(lesson.id(), key, outputs);
        }
        List<ExecutedLesson.Cell> cells = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < notebook.cells().size(); i++) {
            Notebook.Cell cell = notebook.cells().get(i);
            cells.add(new ExecutedLesson.Cell(cell, outputs.get(i), student.get(i)));
            for (CellOutput o : outputs.get(i)) {
                if (o instanceof CellOutput.Error e && !cell.tags().contains("raises-exception")) {
                    failures.add("cell " + (i + 1) + ": " + e.name() + ": " + e.value());
                }
            }
        }
        return new Result(new ExecutedLesson(lesson, cells), cached, failures);
    }

    /** Runs the cells in order, with the notebook's folder as the working directory, as Jupyter runs them. */
    private List<List<CellOutput>> execute(Notebook notebook, Path folder) {
        List<List<CellOutput>> outputs = new ArrayList<>();
        try (NotebookRunner runner = NotebookRunner.start(classPath, folder)) {
            for (Notebook.Cell cell : notebook.cells()) {
                outputs.add(cell.isCode() && !cell.source().isBlank() ? runner.run(cell.source(), cell.id())
                        : List.of());
            }
        }
        return outputs;
    }
}
