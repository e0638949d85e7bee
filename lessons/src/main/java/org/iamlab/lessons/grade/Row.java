package org.iamlab.lessons.grade;

/**
 * One line of {@code grades.csv}, with what the summary needs: the lesson, and the wrong answer in words when the
 * exercise failed (the option or decision given, or the first requirement the work did not meet).
 */
public record Row(String student, String lesson, String exercise, int points, int maxPoints, Status status,
                  String wrong) {
}
