package org.iamlab.lessons.student;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notebook (nbformat 4) as the steps see it: its name for messages, and its JSON, which the steps change in
 * place; everything they do not touch (metadata, ids, attachments) is kept as it was.
 */
public final class Notebook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ObjectNode json;

    private Notebook(String name, ObjectNode json) {
        this.name = Objects.requireNonNull(name, "name");
        this.json = json;
    }

    /** Reads a notebook; {@code name} (its file name) is used in messages. */
    public static Notebook parse(String name, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!(node instanceof ObjectNode o) || !(o.get("cells") instanceof ArrayNode)) {
                throw new StudentEditionException(name + ": not a notebook (no `cells` list)");
            }
            return new Notebook(name, o);
        } catch (JsonProcessingException e) {
            throw new StudentEditionException(name + ": not a notebook: line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    public String name() {
        return name;
    }

    /** The cells, in order (the live JSON objects). */
    public List<ObjectNode> cells() {
        List<ObjectNode> out = new ArrayList<>();
        json.get("cells").forEach(c -> out.add((ObjectNode) c));
        return out;
    }

    /** Keeps only {@code cells}, in their order. */
    public void cells(List<ObjectNode> cells) {
        ArrayNode list = json.putArray("cells");
        cells.forEach(list::add);
    }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    public static String source(ObjectNode cell) {
        JsonNode s = cell.get("source");
        if (s == null) {
            return "";
        }
        if (s.isTextual()) {
            return s.asText();
        }
        StringBuilder out = new StringBuilder();
        s.forEach(line -> out.append(line.asText()));
        return out.toString();
    }

    /** Sets a cell's source, as a list of lines as Jupyter writes it. */
    public static void source(ObjectNode cell, String text) {
        ArrayNode lines = cell.putArray("source");
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
    }

    /** The cell's {@code nbgrader} metadata, or null. */
    public static ObjectNode nbgrader(ObjectNode cell) {
        JsonNode m = cell.path("metadata").get("nbgrader");
        return m instanceof ObjectNode o ? o : null;
    }

    /** The notebook as Jupyter writes it: one-space indentation, a final newline. */
    public String text() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(json).replace("\" : ", "\": ") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
