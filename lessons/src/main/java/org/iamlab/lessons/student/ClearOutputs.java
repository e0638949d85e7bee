package org.iamlab.lessons.student;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Clears every code cell's outputs and execution count. */
public final class ClearOutputs implements Step {

    @Override
    public void apply(Notebook notebook) {
        for (ObjectNode cell : notebook.cells()) {
            if (cell.path("cell_type").asText().equals("code")) {
                cell.putArray("outputs");
                cell.putNull("execution_count");
            }
        }
    }
}
