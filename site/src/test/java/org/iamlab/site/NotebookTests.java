package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the site reads a lesson's notebook, and what it says of one it cannot read. */
class NotebookTests {

    @Test
    void cellsAreReadInOrderWithTheirSourcesJoinedAndTheirTags() throws IOException {
        Notebook notebook = Notebook.parse("""
                {"cells": [{"cell_type": "markdown", "id": "a", "source": ["# Title\\n", "text"]},
                           {"cell_type": "code", "source": "%%iam\\n1", "metadata": {"tags": ["raises-exception"]}}]}
                """, "n.ipynb");
        assertEquals(List.of(new Notebook.Cell("markdown", "a", "# Title\ntext", List.of()),
                new Notebook.Cell("code", null, "%%iam\n1", List.of("raises-exception"))), notebook.cells());
    }

    @Test
    void aNotebookCutShortIsAnErrorNamingTheFileAndWhereTheJsonBroke() {
        IOException e = assertThrows(IOException.class,
                () -> Notebook.parse("{\"cells\": [\n  {\"cell_type\": \"code\",\n", "lessons/02-x.ipynb"));
        assertTrue(e.getMessage().startsWith("lessons/02-x.ipynb:3:1: not valid JSON: Unexpected end-of-input"),
                e.getMessage());
        assertTrue(e.getMessage().contains("restore it from version control"), e.getMessage());
    }

    @Test
    void jsonThatIsNotANotebookIsAnErrorNamingTheFile() {
        IOException e = assertThrows(IOException.class, () -> Notebook.parse("[1, 2]", "x.ipynb"));
        assertEquals("x.ipynb: not a notebook (no `cells` array)", e.getMessage());
    }
}
