package org.iamlab.lessons.grade;

import java.time.Duration;

/**
 * The limits of one submission's JVM: its heap ({@code -Xmx}, in MiB), how long one cell may run, how long the
 * whole submission may take, and how much a notebook may print (bytes; cell output beyond it stops the lesson).
 */
public record Limits(int heapMiB, Duration cell, Duration submission, long outputBytes) {

    /** The defaults: 512 MiB, 30 s a cell, 10 minutes a submission, 1 MiB of output a notebook. */
    public static Limits defaults() {
        return new Limits(512, Duration.ofSeconds(30), Duration.ofMinutes(10), 1 << 20);
    }

    public Limits withSubmission(Duration d) {
        return new Limits(heapMiB, cell, d, outputBytes);
    }

    public Limits withCell(Duration d) {
        return new Limits(heapMiB, d, submission, outputBytes);
    }
}
