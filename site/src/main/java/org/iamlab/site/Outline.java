package org.iamlab.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

/**
 * The course's lessons in order: the notebooks {@code NN-slug.ipynb} of the notebooks folder, with the titles,
 * objectives and prerequisites of the course outline ({@code lessons/outline.yaml}: a list of
 * {@code {id, title, objectives, prerequisites}}, or such a list under {@code lessons}). Without an outline, or
 * for a notebook it does not list, the title is the notebook's first heading; the outline's order comes first,
 * then the other notebooks by name.
 */
public final class Outline {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
            for (JsonNode entry : entries(outline)) {
                String id = entry.path("id").asText("");
                String stem = matching(files, id);
                if (stem == null) {
                    throw new IOException(outline + ": lesson `" + id + "` has no notebook in " + notebooks
                            + " (expected " + id + ".ipynb)");
                }
                Path file = files.remove(stem);
                String title = entry.path("title").asText("");
                lessons.add(new Lesson(stem, title.isBlank() ? titleOf(file, stem) : title,
                        strings(entry.path("objectives")), strings(entry.path("prerequisites")), file));
            }
        }
        for (Map.Entry<String, Path> rest : files.entrySet()) {
            lessons.add(new Lesson(rest.getKey(), titleOf(rest.getValue(), rest.getKey()), List.of(), List.of(),
                    rest.getValue()));
        }
        return lessons;
    }

    private static List<JsonNode> entries(Path outline) throws IOException {
        JsonNode root = YAML.readTree(outline.toFile());
        JsonNode list = root != null && root.has("lessons") ? root.get("lessons") : root;
        if (list == null || !list.isArray()) {
            throw new IOException(outline + ": expected a list of lessons (id, title, objectives, prerequisites)");
        }
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** The notebook an outline id names: the file {@code ID.ipynb}, or {@code ID-slug.ipynb} for an id "01". */
    private static String matching(Map<String, Path> files, String id) {
        if (id.isBlank()) {
            return null;
        }
        if (files.containsKey(id)) {
            return id;
        }
        return files.keySet().stream().filter(stem -> stem.startsWith(id + "-")).findFirst().orElse(null);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
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
