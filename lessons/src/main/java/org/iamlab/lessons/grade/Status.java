package org.iamlab.lessons.grade;

/**
 * The status of one exercise of one student, as {@code grades.csv} writes it. The first three are grades; the
 * integrity ones are graded 0 and flagged; the rest say why the exercise's lesson could not be graded.
 */
public enum Status {
    PASSED("passed", "passed"),
    FAILED("failed", "not yet right"),
    NOT_ATTEMPTED("not-attempted", "not attempted"),
    EDITED_CELL("edited-cell", "its check cell was edited (checksum differs); graded 0, to review"),
    MISSING_CELL("missing-cell", "its check cell was deleted; graded 0, to review"),
    NOT_JSON("not-json", "the notebook file is not JSON"),
    WRONG_KERNEL("wrong-kernel", "the notebook is for another kernel"),
    TIMEOUT("timeout", "a cell or the whole submission ran out of time"),
    OUT_OF_MEMORY("out-of-memory", "a cell ran out of memory"),
    OUTPUT_LIMIT("output-limit", "a cell printed more than the output limit"),
    CRASHED("crashed", "the notebook ended its grading JVM"),
    ERROR("error", "the grader failed on it");

    private final String csv;
    private final String words;

    Status(String csv, String words) {
        this.csv = csv;
        this.words = words;
    }

    /** The name in {@code grades.csv}. */
    public String csv() {
        return csv;
    }

    public String words() {
        return words;
    }

    /** Whether the exercise got a grade (possibly 0) rather than a failure to run or read its lesson. */
    public boolean graded() {
        return ordinal() <= MISSING_CELL.ordinal();
    }

    public static Status of(String csv) {
        for (Status s : values()) {
            if (s.csv.equals(csv)) {
                return s;
            }
        }
        throw new IllegalArgumentException("`" + csv + "` is not a grading status");
    }
}
