package org.iamlab.lessons.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.student.StudentEdition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the grader finds in a notebook before running it: the nbgrader checksums, the kernel, JSON at all. */
class InspectionTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LESSON = "01-who-can-do-what.ipynb";

    @TempDir
    Path dir;
    private Path released;

    @BeforeEach
    void release() throws IOException {
        released = StudentEdition.write(Path.of("../notebooks", LESSON), dir.resolve("release"));
    }

    @Test
    void anUntouchedStudentEditionIsGradedOnItsLessonsExercisesWithNothingFlagged() {
        Inspection i = Inspection.of(released, Catalog.course());
        assertNull(i.problem());
        assertEquals(List.of("shop-bob-reads-a-secret", "shop-bob-uploads", "shop-alice-audits"), i.exercises());
        assertEquals(Map.of(), i.cells());
        assertEquals(List.of(), i.notes());
    }

    @Test
    void aCheckCellWhoseSourceChangedIsEditedAsNbgraderComputesIt() throws IOException {
        ObjectNode nb = JSON.readValue(released.toFile(), ObjectNode.class);
        for (var c : (ArrayNode) nb.get("cells")) {
            if (c.path("metadata").path("iamlab").path("exercise").asText().equals("shop-bob-uploads")) {
                ((ObjectNode) c).put("source", "%%iam\ncheck 'shop-bob-uploads' // just a comment");
            }
        }
        Path edited = Files.createDirectories(dir.resolve("edited")).resolve(LESSON);
        Files.writeString(edited, JSON.writeValueAsString(nb));
        Inspection i = Inspection.of(edited, Catalog.course());
        assertEquals(Map.of("shop-bob-uploads", Status.EDITED_CELL), i.cells());
        assertTrue(i.notes().get(0).endsWith("is a check cell and was edited"), i.notes().toString());
    }

    @Test
    void aFileThatIsNotJsonSaysWhereItBreaks() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve(LESSON);
        Files.writeString(bad, "{\n  \"cells\": [,\n");
        Inspection i = Inspection.of(bad, Catalog.course());
        assertEquals(Status.NOT_JSON, i.problem());
        assertTrue(i.detail().startsWith("not JSON: line 2"), i.detail());
        assertEquals(3, i.exercises().size());
    }
}
