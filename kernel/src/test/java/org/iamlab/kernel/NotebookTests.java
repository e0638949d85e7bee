package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iamlab.lessons.student.StudentEdition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lesson notebook in {@code notebooks/} runs from top to bottom in this build's kernel under Jupyter's own
 * runner ({@code jupyter execute}, from python3-nbclient), and any error output fails it; so does each one's
 * student edition (solutions replaced by stubs that still run, as {@code iamlab student} writes it). Notebooks are
 * kept with their outputs stripped.
 */
class NotebookTests {

    @TempDir
    Path dir;

    static Path notebooks() {
        return Path.of(System.getProperty("iamlab.notebooks", "../notebooks"));
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.list(notebooks())) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutAnErrorOutput() throws IOException {
        List<Path> notebooks = all();
        assertFalse(notebooks.isEmpty(), "notebooks/ holds the lessons");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            Jupyter.require("nbclient", "jupyter_client");
            Map<String, String> env = Jupyter.environment(dir);
            Jupyter.Result r = Jupyter.run(List.of(Jupyter.JUPYTER.toString(), "execute",
                    "--kernel_name=" + Jupyter.KERNEL_NAME, "--timeout=120", "--startup_timeout=120",
                    nb.getFileName().toString()), notebooks(), env, 600);
            assertEquals(0, r.status(), () -> nb + " failed under jupyter execute:\n" + r.output());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStudentEditionRunsWithoutAnErrorOutput() throws IOException {
        List<Path> notebooks = all();
        assertFalse(notebooks.isEmpty(), "notebooks/ holds the lessons");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            Jupyter.require("nbclient", "jupyter_client");
            Map<String, String> env = Jupyter.environment(dir);
            Path student = StudentEdition.write(nb, Files.createDirectories(dir.resolve("student")));
            Jupyter.Result r = Jupyter.run(List.of(Jupyter.JUPYTER.toString(), "execute",
                    "--kernel_name=" + Jupyter.KERNEL_NAME, "--timeout=120", "--startup_timeout=120",
                    student.getFileName().toString()), student.getParent(), env, 600);
            assertEquals(0, r.status(), () -> "the student edition of " + nb + " failed under jupyter execute:\n"
                    + r.output());
        }));
    }

    @TestFactory
    Stream<DynamicTest> notebooksAreKeptWithoutOutputs() throws IOException {
        return all().stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            assertEquals("iamlab", json.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name")
                    .getAsString());
            for (JsonElement cell : json.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (c.get("cell_type").getAsString().equals("code")) {
                    assertTrue(c.getAsJsonArray("outputs").isEmpty(), () -> nb + ": outputs must be stripped");
                    assertTrue(c.get("execution_count").isJsonNull(), () -> nb + ": execution counts must be cleared");
                }
            }
        }));
    }
}
