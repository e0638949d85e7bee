package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentCommandTests {

    @TempDir
    Path dir;

    @Test
    void aFolderOfNotebooksGetsItsStudentEditionsInTheOutputFolder() throws Exception {
        Path out = dir.resolve("student");
        CliRun run = CliRun.of("student", "../notebooks", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        String lesson = Files.readString(out.resolve("01-who-can-do-what.ipynb"));
        assertTrue(lesson.contains("// YOUR ANSWER HERE"));
        assertFalse(lesson.contains("BEGIN SOLUTION"));
    }

    @Test
    void anUnpairedMarkerIsReportedWithNotebookCellAndLineAndTheStatusIsOne() throws Exception {
        Path nb = dir.resolve("broken.ipynb");
        Files.writeString(nb, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\":"
                + " \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": [\"%%iam\\n\","
                + " \"// BEGIN SOLUTION\\n\"]}]}");
        CliRun run = CliRun.of("student", nb.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, run.status());
        assertEquals("iamlab student: broken.ipynb: cell 1, line 2: `BEGIN SOLUTION` is never closed; add"
                + " `// END SOLUTION`", run.err().strip());
    }
}
