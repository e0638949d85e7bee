package org.iamlab.lessons.student;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The student edition of a notebook: solutions replaced by stubs that still run, outputs cleared, hidden checks
 * removed, checksums recorded; metadata kept. The steps run in nbgrader's order.
 */
public final class StudentEdition {

    private static final List<Step> STEPS = List.of(new ClearSolutions(), new ClearOutputs(), new ClearHiddenChecks(),
            new ComputeChecksums());

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
