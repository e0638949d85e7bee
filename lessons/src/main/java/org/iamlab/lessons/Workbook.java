package org.iamlab.lessons;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.iamlab.dsl.Coursework;
import org.iamlab.dsl.DslException;
import org.iamlab.dsl.Lab;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.Feedback;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.model.Exercise;

/**
 * One learner's exercises in one lab (a notebook's kernel, an {@code iamlab run} script): {@code exercise},
 * {@code check} and {@code answer} in scripts come here. It keeps the answers given to decision and choice
 * questions, so that a later {@code check 'id'} checks them again; policy and fix-it work is read from the lab's
 * world each time.
 */
public final class Workbook implements Coursework {

    private final Supplier<Catalog> catalog;
    private final Checker checker;
    private final Map<String, Object> answers = new ConcurrentHashMap<>();

    /** Exercises from {@code catalog}, read when first asked for (a lab that never checks never reads them). */
    public Workbook(Supplier<Catalog> catalog, Checker checker) {
        this.catalog = catalog;
        this.checker = checker;
    }

    /** The course's exercises with a checker of their own. */
    public static Workbook course() {
        return new Workbook(Catalog::course, new Checker());
    }

    /** Installs a new workbook of the course on {@code lab}; returns the lab. */
    public static Lab install(Lab lab) {
        return lab.coursework(course());
    }

    @Override
    public Object exercise(Lab lab, String id) {
        Task task = new Task(find(id));
        return task;
    }

    @Override
    public Object check(Lab lab, String id) {
        Exercise e = find(id);
        Feedback f;
        if (e instanceof Exercise.Decision || e instanceof Exercise.Choice) {
            Object given = answers.get(id);
            f = given == null ? checker.check(e, lab.world(), false) : checker.answer(e, given);
        } else {
            f = checker.check(e, lab.world(), false);
        }
        return f;
    }

    @Override
    public Object answer(Lab lab, String id, Object choice) {
        Exercise e = find(id);
        Feedback f;
        try {
            f = checker.answer(e, choice);
        } catch (IllegalArgumentException bad) {
            throw new DslException(bad.getMessage());
        }
        answers.put(id, choice);
        return f;
    }

    /** The answers given so far to decision and choice questions, by exercise id (what the grader collects). */
    public Map<String, Object> answers() {
        return Map.copyOf(answers);
    }

    private Exercise find(String id) {
        try {
            return catalog.get().get(id);
        } catch (IllegalArgumentException | ExerciseFormatException e) {
            throw new DslException(e.getMessage());
        }
    }
}
