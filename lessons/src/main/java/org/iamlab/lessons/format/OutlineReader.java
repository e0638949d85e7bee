package org.iamlab.lessons.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.model.Outline;

/**
 * Reads the course outline ({@code lessons/outline.yaml}): {@code lessons:}, a list of
 * {@code {id, title, objectives, prerequisites}}. Every mistake is an {@link ExerciseFormatException} at its
 * line: a missing id or title, an id written twice, a field the outline does not have, a prerequisite that is
 * not a lesson listed before the one that needs it.
 */
public final class OutlineReader {

    /** A notebook's name: {@code NN-slug}. */
    private static final Pattern ID = Pattern.compile("[0-9]{2}-[a-z0-9][a-z0-9-]*");
    private static final Set<String> LESSON = Set.of("id", "title", "objectives", "prerequisites");

    private OutlineReader() {
    }

    /** Reads {@code file}. */
    public static Outline read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads an outline's {@code text}; {@code file} names it in error messages. */
    public static Outline read(String text, String file) {
        Fields top = new Fields(YamlTree.parse(text, file), "the outline", Set.of("lessons"));
        Node list = top.node("lessons");
        if (!(list instanceof Node.Sequence seq)) {
            throw new ExerciseFormatException(list.at(), "`lessons` must be a list (one `- id: ...` per lesson)");
        }
        Map<String, Outline.Lesson> byId = new LinkedHashMap<>();
        for (Node n : seq.items()) {
            Fields f = new Fields(n, "a lesson of the outline", LESSON);
            Node.Scalar idNode = f.scalar("id");
            String id = idNode.text().strip();
            if (!ID.matcher(id).matches()) {
                throw new ExerciseFormatException(idNode.at(), "lesson id `" + id + "` is not a notebook's name:"
                        + " two digits, a hyphen and a slug, e.g. `03-groups` for notebooks/03-groups.ipynb");
            }
            if (byId.containsKey(id)) {
                throw new ExerciseFormatException(idNode.at(), "lesson `" + id + "` is already listed at line "
                        + byId.get(id).at().line());
            }
            List<String> prerequisites = f.texts("prerequisites");
            List<Node> prerequisiteNodes = f.list("prerequisites");
            for (int i = 0; i < prerequisites.size(); i++) {
                String before = prerequisites.get(i);
                if (!byId.containsKey(before)) {
                    throw new ExerciseFormatException(prerequisiteNodes.get(i).at(), prerequisite(id, before, byId));
                }
            }
            byId.put(id, new Outline.Lesson(id, f.text("title").strip(), f.texts("objectives"), prerequisites,
                    f.at()));
        }
        return new Outline(new ArrayList<>(byId.values()));
    }

    private static String prerequisite(String id, String before, Map<String, Outline.Lesson> earlier) {
        if (before.equals(id)) {
            return "lesson `" + id + "` cannot be its own prerequisite";
        }
        String hint = Hints.didYouMean(before, earlier.keySet());
        return "prerequisite `" + before + "` of `" + id + "` is not a lesson listed before it"
                + (hint != null ? "; " + hint : "; a prerequisite names an earlier lesson's id");
    }
}
