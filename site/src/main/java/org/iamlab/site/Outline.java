package org.iamlab.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.format.OutlineReader;

/**
 * The course's lessons in order: the notebooks {@code NN-slug.ipynb} of the notebooks folder, with the titles,
 * objectives and prerequisites of the course outline ({@code lessons/outline.yaml}, read by the lessons module's
 * {@link OutlineReader}). Without an outline, or for a notebook it does not list, the title is the notebook's
 * first heading; the outline's order comes first, then the other notebooks by name. A lesson of the outline
 * without a notebook is an error at its line.
 */
public final class Outline {

    private Outline() {
    }

    /** The lessons of {@code notebooks}, described by {@code outline} when that file exists. */
    public static List<Lesson> read(Path notebooks, Path outline) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(notebooks)) {
            list.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted()
                    .forEach(p -> files.put(p.getFileName().toString().replaceFirst("\\.ipynb$", ""), p));
        }
        List<Lesson> lessons = new ArrayList<>();
        if (outline != null && Files.isRegularFile(outline)) {
            org.iamlab.lessons.model.Outline course;
            try {
                course = OutlineReader.read(outline);
            } catch (ExerciseFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
            for (org.iamlab.lessons.model.Outline.Lesson entry : course.lessons()) {
                Path file = files.remove(entry.id());
                if (file == null) {
                    String hint = Hints.didYouMean(entry.id(), files.keySet());
                    throw new IOException(entry.at() + ": lesson `" + entry.id() + "` has no notebook in "
                            + notebooks + " (expected " + entry.id() + ".ipynb)" + (hint != null ? "; " + hint : ""));
                }
                lessons.add(new Lesson(entry.id(), entry.title(), entry.objectives(), entry.prerequisites(), file));
            }
        }
        for (Map.Entry<String, Path> rest : files.entrySet()) {
            lessons.add(new Lesson(rest.getKey(), titleOf(rest.getValue(), rest.getKey()), List.of(), List.of(),
                    rest.getValue()));
        }
        return lessons;
    }

    /** The text of the notebook's first heading, or {@code fallback}. */
    static String titleOf(Path file, String fallback) throws IOException {
        for (Notebook.Cell cell : Notebook.read(file).cells()) {
            if (cell.isMarkdown()) {
                String title = firstHeading(Parser.builder().build().parse(cell.source()));
                if (title != null) {
                    return title;
                }
            }
        }
        return fallback;
    }

    private static String firstHeading(Node document) {
        String[] found = new String[1];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (found[0] == null) {
                    found[0] = MarkdownToAsciiDoc.plain(heading).strip();
                }
            }
        });
        return found[0];
    }
}
