package org.iamlab.lessons.student;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Records in {@code metadata.nbgrader.checksum} the checksum of every grade, solution or locked cell, computed
 * as nbgrader's {@code compute_checksum} does (MD5 over the source, the cell type, the three flags as Python
 * writes booleans, the grade id, and a grade cell's points as a float), so that a grader (ours or nbgrader) can
 * tell a cell the student changed.
 */
public final class ComputeChecksums implements Step {

    @Override
    public void apply(Notebook notebook) {
        for (ObjectNode cell : notebook.cells()) {
            ObjectNode nb = Notebook.nbgrader(cell);
            if (nb == null) {
                continue;
            }
            boolean grade = nb.path("grade").asBoolean(false);
            boolean solution = nb.path("solution").asBoolean(false);
            boolean locked = nb.path("locked").asBoolean(false);
            if (grade || solution || locked) {
                nb.put("checksum", checksum(cell, nb, grade, solution, locked));
            }
        }
    }

    /** nbgrader's checksum of {@code cell}, whose nbgrader metadata is {@code nb}. */
    public static String checksum(ObjectNode cell, ObjectNode nb, boolean grade, boolean solution, boolean locked) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            update(md5, Notebook.source(cell));
            update(md5, cell.path("cell_type").asText());
            update(md5, python(grade));
            update(md5, python(solution));
            update(md5, python(locked));
            update(md5, nb.path("grade_id").asText());
            if (grade) {
                update(md5, String.valueOf(nb.path("points").asDouble(0)));
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }

    private static void update(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
