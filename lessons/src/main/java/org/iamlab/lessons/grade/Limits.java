package org.iamlab.lessons.grade;

import java.time.Duration;

/**
 * The limits of one submission's JVM: its heap ({@code -Xmx}, in MiB), how long one cell may run, how long the
 * whole submission may take, and how much a notebook may print (bytes; cell output beyond it stops the lesson).
 */
public record Limits(int heapMiB, Duration cell, Duration submission, long outputBytes) {
}
