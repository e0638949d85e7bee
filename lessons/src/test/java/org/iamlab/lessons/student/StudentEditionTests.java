package org.iamlab.lessons.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StudentEditionTests {

    private static String notebook(String... cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"iamlab\"}},"
                + " \"cells\": [" + String.join(",", cells) + "]}";
    }

    private static String code(String source, String nbgrader) {
        return "{\"cell_type\": \"code\", \"id\": \"c\", \"execution_count\": 3, \"outputs\": [{\"output_type\":"
                + " \"stream\", \"name\": \"stdout\", \"text\": \"x\"}], \"metadata\": {" + (nbgrader == null ? ""
                : "\"nbgrader\": " + nbgrader) + "}, \"source\": " + com.fasterxml.jackson.databind.node.TextNode
                .valueOf(source) + "}";
    }

    private static final String SOLUTION = "{\"grade\": false, \"grade_id\": \"a-answer\", \"locked\": false,"
            + " \"schema_version\": 3, \"solution\": true}";
    private static final String GRADE = "{\"grade\": true, \"grade_id\": \"a\", \"locked\": true, \"points\": 2,"
            + " \"schema_version\": 3, \"solution\": false}";

    private static List<ObjectNode> cellsOf(String text) {
        return Notebook.parse("out.ipynb", text).cells();
    }

    @Test
    void aSolutionBecomesAStubThatKeepsTheMarkersIndentation() {
        String out = StudentEdition.of("n.ipynb", notebook(code("""
                %%iam
                edit(bob) {
                    // BEGIN SOLUTION
                    inline('Uploads') { allow 's3:PutObject' on 'arn:aws:s3:::shop-logs/uploads/*' }
                    // END SOLUTION
                }
                """, SOLUTION)));
        assertEquals("%%iam\nedit(bob) {\n    // YOUR ANSWER HERE\n}\n", Notebook.source(cellsOf(out).get(0)));
    }

    @Test
    void nbgradersFormWithTheSlashCommentMarkIsAcceptedToo() {
        String out = StudentEdition.of("n.ipynb", notebook(code("%%iam\n//## BEGIN SOLUTION\nanswer 'x', 'A'\n"
                + "//## END SOLUTION\n", SOLUTION)));
        assertEquals("%%iam\n// YOUR ANSWER HERE\n", Notebook.source(cellsOf(out).get(0)));
    }

    @Test
    void outputsAreClearedAndMetadataKept() {
        ObjectNode cell = cellsOf(StudentEdition.of("n.ipynb", notebook(code("%%iam\ncheck 'a'\n", GRADE)))).get(0);
        assertTrue(cell.get("outputs").isEmpty());
        assertTrue(cell.get("execution_count").isNull());
        assertEquals("a", cell.path("metadata").path("nbgrader").path("grade_id").asText());
        assertEquals(2, cell.path("metadata").path("nbgrader").path("points").asInt());
        assertEquals("c", cell.get("id").asText());
    }

    @Test
    void gradeAndSolutionCellsGetChecksumsThatChangeWithTheirSource() {
        ObjectNode one = cellsOf(StudentEdition.of("n.ipynb", notebook(code("%%iam\ncheck 'a'\n", GRADE)))).get(0);
        ObjectNode two = cellsOf(StudentEdition.of("n.ipynb", notebook(code("%%iam\ncheck 'b'\n", GRADE)))).get(0);
        String checksum = one.path("metadata").path("nbgrader").path("checksum").asText();
        assertTrue(checksum.matches("[0-9a-f]{32}"), checksum);
        assertFalse(checksum.equals(two.path("metadata").path("nbgrader").path("checksum").asText()));
        ObjectNode plain = cellsOf(StudentEdition.of("n.ipynb", notebook(code("1 + 1", null)))).get(0);
        assertFalse(plain.path("metadata").has("nbgrader"));
    }

    @Test
    void hiddenCheckRegionsAreRemovedAndCellsLeftEmptyGo() {
        String out = StudentEdition.of("n.ipynb", notebook(
                code("%%iam\ncheck 'a'\n// BEGIN HIDDEN TESTS\ncheck 'a-hidden'\n// END HIDDEN TESTS\n", GRADE),
                code("%%iam\n// BEGIN HIDDEN TESTS\ncheck 'b'\n// END HIDDEN TESTS\n", null)));
        List<ObjectNode> cells = cellsOf(out);
        assertEquals(1, cells.size());
        assertEquals("%%iam\ncheck 'a'\n", Notebook.source(cells.get(0)));
    }

    @Test
    void eachCellsStudentSourceIsGivenInTheNotebooksOrderAndARemovedCellIsEmpty() {
        List<Optional<String>> sources = StudentEdition.cellSources("n.ipynb", notebook(
                code("%%iam\n// BEGIN HIDDEN TESTS\ncheck 'b'\n// END HIDDEN TESTS\n", null),
                code("%%iam\n    // BEGIN SOLUTION\n    grant()\n    // END SOLUTION\ncheck 'a'\n", SOLUTION),
                code("%%iam\nshow world\n", null)));
        assertEquals(List.of(Optional.empty(), Optional.of("%%iam\n    // YOUR ANSWER HERE\ncheck 'a'\n"),
                Optional.of("%%iam\nshow world\n")), sources);
    }

    @Nested
    class UnpairedMarkersAreErrorsNamingNotebookCellAndLine {

        @Test
        void anUnclosedSolution() {
            StudentEditionException e = assertThrows(StudentEditionException.class, () -> StudentEdition.of(
                    "01-x.ipynb", notebook(code("1", null), code("%%iam\n// BEGIN SOLUTION\nx = 1\n", SOLUTION))));
            assertEquals("01-x.ipynb: cell 2, line 2: `BEGIN SOLUTION` is never closed; add `// END SOLUTION`",
                    e.getMessage());
        }

        @Test
        void anEndWithoutABegin() {
            StudentEditionException e = assertThrows(StudentEditionException.class, () -> StudentEdition.of(
                    "01-x.ipynb", notebook(code("%%iam\nx = 1\n// END SOLUTION\n", SOLUTION))));
            assertEquals("01-x.ipynb: cell 1, line 3: `END SOLUTION` without a `// BEGIN SOLUTION` before it",
                    e.getMessage());
        }

        @Test
        void aNestedBegin() {
            StudentEditionException e = assertThrows(StudentEditionException.class, () -> StudentEdition.of(
                    "01-x.ipynb", notebook(code("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n", SOLUTION))));
            assertTrue(e.getMessage().startsWith("01-x.ipynb: cell 1, line 2: `BEGIN SOLUTION` inside the region"
                    + " opened at line 1"), e.getMessage());
        }
    }

    @Test
    void theFirstLessonsStudentEditionHasNoSolutionLeft() throws Exception {
        Path lesson = Path.of(System.getProperty("iamlab.notebooks", "../notebooks"), "01-who-can-do-what.ipynb");
        String out = StudentEdition.of(lesson.getFileName().toString(), Files.readString(lesson));
        assertFalse(out.contains("BEGIN SOLUTION"));
        assertFalse(out.contains("trustPrincipal alice"));
        assertFalse(out.contains("'ExplicitlyDenied'\n"));
        assertEquals(3, (int) cellsOf(out).stream().filter(c -> Notebook.source(c).contains("YOUR ANSWER HERE"))
                .count());
    }
}
