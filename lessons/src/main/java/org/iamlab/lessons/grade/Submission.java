package org.iamlab.lessons.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One student's hand-in: a notebook (the student is its file name without {@code .ipynb}) or a folder of
 * notebooks (the student is the folder's name).
 */
public record Submission(String student, List<Path> notebooks) {

    public Submission {
        notebooks = List.copyOf(notebooks);
    }

    /** The submission at {@code path}; a folder's {@code .ipynb} files, sorted. */
    public static Submission of(Path path) throws IOException {
        String name = path.toAbsolutePath().normalize().getFileName().toString();
        if (Files.isDirectory(path)) {
            List<Path> notebooks = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
            return new Submission(name, notebooks);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("`" + path + "`: no such file or folder");
        }
        return new Submission(name.replaceFirst("\\.ipynb$", ""), List.of(path));
    }
}
