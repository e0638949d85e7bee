package org.iamlab.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A notebook as the site reads it (nbformat 4): its cells, in order; outputs are ignored (lessons are re-run). */
public record Notebook(List<Cell> cells) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Notebook {
        cells = List.copyOf(cells);
    }

    /** A cell: {@code markdown}, {@code code} or {@code raw}, its id (nbformat 4.5; may be null), its source and tags. */
    public record Cell(String type, String id, String source, List<String> tags) {
        public Cell {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(source, "source");
            tags = List.copyOf(tags);
        }

        public boolean isCode() {
            return type.equals("code");
        }

        public boolean isMarkdown() {
            return type.equals("markdown");
        }
    }

    /** Reads {@code file}; a file that is not a notebook is an error naming it. */
    public static Notebook read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static Notebook parse(String json, String name) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage() + " (a notebook is JSON; was it cut short or "
                    + "edited by hand? open it in Jupyter, or restore it from version control)", e);
        }
        if (root == null || !root.path("cells").isArray()) {
            throw new IOException(name + ": not a notebook (no `cells` array)");
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonNode c : root.get("cells")) {
            List<String> tags = new ArrayList<>();
            c.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            cells.add(new Cell(c.path("cell_type").asText("code"), c.hasNonNull("id") ? c.get("id").asText() : null,
                    text(c.path("source")), tags));
        }
        return new Notebook(cells);
    }

    /** nbformat's multiline string: a string, or a list of lines to join. */
    private static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder out = new StringBuilder();
            source.forEach(line -> out.append(line.asText()));
            return out.toString();
        }
        return source.asText("");
    }
}
