package org.iamlab.lessons.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.student.ComputeChecksums;

/**
 * What the grader learns about one submitted notebook before running it: whether it can run at all (JSON, the
 * IAM Lab kernel), which exercises it is graded on (those of the lesson's exercise file, {@code NN-slug.yaml} for
 * {@code NN-slug.ipynb}, and any a grade cell names; a notebook without checksums, not made by
 * {@code iamlab student}, only on those its cells name), and its integrity: a grade or locked cell whose source no
 * longer matches the checksum {@code iamlab student} recorded (nbgrader's algorithm) was edited; an exercise
 * whose check cell is gone is missing one.
 *
 * @param problem   why the notebook cannot run ({@link Status#NOT_JSON}, {@link Status#WRONG_KERNEL}), or null
 * @param detail    the problem in words, or null
 * @param exercises the exercise ids the notebook is graded on, in order
 * @param cells     per exercise, {@link Status#EDITED_CELL} or {@link Status#MISSING_CELL} when its cell is
 * @param notes     integrity findings outside grade cells (an edited locked cell), in words
 */
public record Inspection(Path notebook, Status problem, String detail, List<String> exercises,
                         Map<String, Status> cells, List<String> notes) {

    /** The kernel the course's notebooks run on. */
    public static final String KERNEL = "iamlab";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Inspection {
        exercises = List.copyOf(exercises);
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        notes = List.copyOf(notes);
    }

    /** The lesson's name: the notebook's file name. */
    public String name() {
        return notebook.getFileName().toString();
    }

    /** Reads {@code notebook} and checks it against {@code catalog}. */
    public static Inspection of(Path notebook, Catalog catalog) {
        List<String> exercises = lessonExercises(notebook, catalog);
        String text;
        JsonNode json;
        try {
            text = Files.readString(notebook);
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return failed(notebook, Status.NOT_JSON, "not JSON: line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), exercises);
        } catch (IOException e) {
            return failed(notebook, Status.NOT_JSON, "cannot be read: " + e.getMessage(), exercises);
        }
        if (!(json instanceof ObjectNode nb) || !json.path("cells").isArray()) {
            return failed(notebook, Status.NOT_JSON, "not a notebook: no `cells` list", exercises);
        }
        String kernel = nb.path("metadata").path("kernelspec").path("name").asText("");
        if (!kernel.equals(KERNEL)) {
            return failed(notebook, Status.WRONG_KERNEL, "its kernel is `" + (kernel.isEmpty() ? "none" : kernel)
                    + "`, not `" + KERNEL + "`", exercises);
        }
        Map<String, Status> cells = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // A notebook made by `iamlab student` has checksummed cells; it is graded on its lesson's exercises, and one
        // that no cell names lost its cell. Any other notebook is graded on the exercises its cells name.
        boolean released = false;
        for (JsonNode c : nb.get("cells")) {
            released |= c.path("metadata").path("nbgrader").has("checksum");
        }
        List<String> named = new ArrayList<>(released ? exercises : List.of());
        StringBuilder sources = new StringBuilder();
        int index = 0;
        for (JsonNode c : nb.get("cells")) {
            index++;
            if (!(c instanceof ObjectNode cell)) {
                continue;
            }
            String source = org.iamlab.lessons.student.Notebook.source(cell);
            sources.append(source).append('\n');
            String exercise = cell.path("metadata").path("iamlab").path("exercise").asText(null);
            if (exercise != null && !named.contains(exercise)) {
                named.add(exercise);
            }
            if (!released) {
                exercises.stream().filter(id -> mentions(source, id) && !named.contains(id)).forEach(named::add);
            }
            if (!(cell.path("metadata").path("nbgrader") instanceof ObjectNode meta) || !meta.has("checksum")) {
                continue;
            }
            boolean grade = meta.path("grade").asBoolean(false);
            boolean locked = meta.path("locked").asBoolean(false);
            if (!grade && !locked) {
                continue;
            }
            String sum = ComputeChecksums.checksum(cell, meta, grade, meta.path("solution").asBoolean(false), locked);
            if (!sum.equals(meta.path("checksum").asText())) {
                if (exercise != null) {
                    cells.put(exercise, Status.EDITED_CELL);
                }
                notes.add("cell " + index + " (`" + meta.path("grade_id").asText("?") + "`) is " + (grade
                        ? "a check cell" : "locked") + " and was edited");
            }
        }
        for (String id : named) {
            if (!cells.containsKey(id) && !mentions(sources, id)) {
                cells.put(id, Status.MISSING_CELL);
                notes.add("no cell checks or answers `" + id + "` (deleted?)");
            }
        }
        return new Inspection(notebook, null, null, named, cells, notes);
    }

    private static boolean mentions(CharSequence sources, String id) {
        String all = sources.toString();
        return all.contains("'" + id + "'") || all.contains("\"" + id + "\"");
    }

    private static Inspection failed(Path notebook, Status problem, String detail, List<String> exercises) {
        return new Inspection(notebook, problem, detail, exercises, Map.of(), List.of());
    }

    /** The exercises of the lesson's own file ({@code NN-slug.yaml}, in any folder of the catalogue). */
    static List<String> lessonExercises(Path notebook, Catalog catalog) {
        String base = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        List<String> out = new ArrayList<>();
        for (Exercise e : catalog.all()) {
            String file = catalog.fileOf(e.id());
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.equals(base + ".yaml")) {
                out.add(e.id());
            }
        }
        return out;
    }
}
