package org.iamlab.lessons.student;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The student edition of a notebook: solutions replaced by stubs that still run, outputs cleared, hidden checks
 * removed, checksums recorded; metadata kept. The steps run in nbgrader's order.
 */
public final class StudentEdition {

    private static final List<Step> STEPS = List.of(new ClearSolutions(), new ClearOutputs(), new ClearHiddenChecks(),
            new ComputeChecksums());
    /** The steps that change what a cell says (the others clear outputs and record checksums). */
    private static final List<Step> SOURCE_STEPS = List.of(new ClearSolutions(), new ClearHiddenChecks());

    private StudentEdition() {
    }

    /** The student edition of {@code text}, a notebook called {@code name}. */
    public static String of(String name, String text) {
        Notebook nb = Notebook.parse(name, text);
        for (Step step : STEPS) {
            step.apply(nb);
        }
        return nb.text();
    }

    /**
     * What the student edition makes of each cell of {@code text} (a notebook called {@code name}), in the
     * notebook's order: the cell's source with its solutions replaced by stubs and its hidden checks removed, or
     * empty for a cell the edition removes. For tools that show a notebook cell by cell (the course site).
     */
    public static List<Optional<String>> cellSources(String name, String text) {
        Notebook nb = Notebook.parse(name, text);
        Map<ObjectNode, Integer> index = new IdentityHashMap<>();
        List<ObjectNode> cells = nb.cells();
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i), i);
        }
        for (Step step : SOURCE_STEPS) {
            step.apply(nb);
        }
        List<Optional<String>> out = new ArrayList<>(Collections.nCopies(cells.size(), Optional.empty()));
        for (ObjectNode kept : nb.cells()) {
            out.set(index.get(kept), Optional.of(Notebook.source(kept)));
        }
        return out;
    }

    /** Writes the student edition of notebook {@code source} into {@code outDir}, under the same name. */
    public static Path write(Path source, Path outDir) throws IOException {
        String name = source.getFileName().toString();
        String edition = of(name, Files.readString(source, StandardCharsets.UTF_8));
        Files.createDirectories(outDir);
        Path target = outDir.resolve(name);
        Files.writeString(target, edition, StandardCharsets.UTF_8);
        return target;
    }
}
