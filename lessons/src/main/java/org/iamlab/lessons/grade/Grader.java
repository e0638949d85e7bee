package org.iamlab.lessons.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.check.CheckResult;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.Feedback;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.render.FeedbackView;

/**
 * Applies the public and the hidden checks, in the grading process, to what a submission's JVM exported: one
 * {@link Row} and one feedback fragment (the lessons' {@link FeedbackView}, as notebooks show it) per exercise.
 */
public final class Grader {

    private final Catalog catalog;
    private final Checker checker = new Checker();

    /** Grades against {@code catalog}: the instructor's exercises, hidden checks included. */
    public Grader(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A student's grades and feedback page. */
    public record Graded(List<Row> rows, String feedbackHtml) {
    }

    /** Grades one student's lessons: each inspection, with its run when it could run. */
    public Graded grade(String student, List<Inspection> lessons, Map<String, LessonRun> runs) {
        List<Row> rows = new ArrayList<>();
        List<String> html = new ArrayList<>();
        html.add("<h1>Feedback for " + Html.escape(student) + "</h1>");
        for (Inspection lesson : lessons) {
            LessonRun run = runs.get(lesson.name());
            Status problem = lesson.problem() != null ? lesson.problem() : run == null ? Status.ERROR : run.problem();
            String detail = lesson.problem() != null ? lesson.detail() : run == null ? "it was not run"
                    : run.detail();
            html.add("<section><h2>" + Html.escape(lesson.name()) + "</h2>");
            if (problem != null) {
                html.add(Html.box(problem.words() + ": " + detail));
            }
            List<String> notes = new ArrayList<>(lesson.notes());
            if (run != null) {
                notes.addAll(run.notes());
            }
            for (String n : notes) {
                html.add(Html.box(n));
            }
            if (lesson.exercises().isEmpty() && problem != null) {
                rows.add(new Row(student, lesson.name(), "", 0, 0, problem, null));
            } else if (lesson.exercises().isEmpty()) {
                html.add("<p>No exercise of this lesson is graded.</p>");
            }
            for (String id : lesson.exercises()) {
                Row row;
                Exercise e = catalog.get(id);
                int max = e.header().points();
                Status cell = lesson.cells().get(id);
                if (problem != null) {
                    row = new Row(student, lesson.name(), id, 0, max, problem, null);
                    html.add(Html.box(id + ": " + problem.words()));
                } else if (cell != null) {
                    row = new Row(student, lesson.name(), id, 0, max, cell, null);
                    html.add(Html.box(id + ": " + cell.words()));
                } else {
                    JsonNode item = run.work() == null ? null : run.work().get(id);
                    try {
                        Feedback f = feedback(e, item);
                        row = new Row(student, lesson.name(), id, f.points(), max, status(f), wrong(e, f, item));
                        html.add(FeedbackView.html(f));
                    } catch (RuntimeException ex) {
                        row = new Row(student, lesson.name(), id, 0, max, Status.ERROR, null);
                        html.add(Html.box(id + ": the grader could not check it: " + ex.getMessage()));
                    }
                }
                rows.add(row);
            }
            html.add("</section>");
        }
        return new Graded(rows, Html.page("IAM Lab feedback: " + student, html));
    }

    private Feedback feedback(Exercise e, JsonNode item) {
        if (e instanceof Exercise.Decision || e instanceof Exercise.Choice) {
            Object given = item == null ? null : WorkExport.answerOf(item);
            if (given == null) {
                return Checker.notAttempted(e, "not answered");
            }
            try {
                return checker.answer(e, given);
            } catch (IllegalArgumentException bad) {
                return Checker.notAttempted(e, bad.getMessage());
            }
        }
        return checker.grade(e, WorkExport.workOf(e, item), true);
    }

    private static Status status(Feedback f) {
        return switch (f.status()) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case NOT_ATTEMPTED -> Status.NOT_ATTEMPTED;
        };
    }

    /** A failed exercise's wrong answer as the summary counts it: what was chosen, or the first unmet requirement. */
    private static String wrong(Exercise e, Feedback f, JsonNode item) {
        if (f.status() != Feedback.Status.FAILED) {
            return null;
        }
        if (e instanceof Exercise.Decision || e instanceof Exercise.Choice) {
            Object given = WorkExport.answerOf(item);
            return given instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : String.valueOf(given);
        }
        CheckResult first = f.firstFailure().orElseThrow();
        return first.requirement().startsWith("least privilege") && first.reason() != null ? first.reason()
                : "fails: " + first.requirement();
    }
}
