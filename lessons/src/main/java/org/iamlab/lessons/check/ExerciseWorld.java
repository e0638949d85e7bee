package org.iamlab.lessons.check;

import java.util.HashMap;
import java.util.Map;
import org.iamlab.dsl.Lab;
import org.iamlab.dsl.Refs;
import org.iamlab.dsl.ScriptFailure;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.World;
import org.iamlab.engine.trace.Decision;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Location;
import org.iamlab.lessons.model.Ref;
import org.iamlab.lessons.model.Request;
import org.iamlab.lessons.model.Snippet;

/**
 * A fresh world built from an exercise's DSL snippets (its world, then edits such as an option or a solution),
 * asked the exercise's requests. A snippet that fails is an {@link ExerciseFormatException} at its line in the
 * exercise file: these are the instructor's mistakes, not the learner's.
 */
public final class ExerciseWorld {

    private final Exercise exercise;
    private final Lab lab;
    private final Scripts scripts;
    private final boolean learners;
    private final Map<String, Object> refs = new HashMap<>();

    private ExerciseWorld(Exercise exercise, Lab lab, Scripts scripts, boolean learners) {
        this.exercise = exercise;
        this.lab = lab;
        this.scripts = scripts;
        this.learners = learners;
    }

    /** The exercise's world, then each of {@code edits} run on it. */
    public static ExerciseWorld build(Exercise exercise, Snippet... edits) {
        return build(new Scripts(), exercise, edits);
    }

    static ExerciseWorld build(Scripts scripts, Exercise exercise, Snippet... edits) {
        ExerciseWorld w = new ExerciseWorld(exercise, new Lab(new World(), value -> { }), scripts, false);
        w.run(exercise.header().world(), "world");
        for (Snippet edit : edits) {
            w.run(edit, "edit");
        }
        return w;
    }

    /**
     * The exercise asked in the learner's world, whose references resolve there: one that does not is the
     * learner's (an {@link IllegalArgumentException} saying what is missing), not a mistake in the exercise.
     */
    static ExerciseWorld over(Scripts scripts, Exercise exercise, World world) {
        return new ExerciseWorld(exercise, new Lab(world, value -> { }), scripts, true);
    }

    /** Runs a further snippet on this world. */
    ExerciseWorld run(Snippet snippet, String what) {
        try {
            lab.run(scripts.of(snippet.code()));
        } catch (ScriptFailure f) {
            throw new ExerciseFormatException(new Location(snippet.at().file(), snippet.fileLine(f.line()), 1), "in the " + what + " of `"
                    + exercise.id() + "`: " + f.problem());
        }
        refs.clear();
        return this;
    }

    public World world() {
        return lab.world();
    }

    /** The value a reference stands for: the result of its DSL expression, or its text. */
    Object value(Ref ref) {
        if (!ref.expression()) {
            return ref.text();
        }
        Object v = refs.get(ref.text());
        if (v == null && !refs.containsKey(ref.text())) {
            try {
                v = lab.run(scripts.of(ref.text()));
            } catch (ScriptFailure f) {
                if (learners) {
                    throw new IllegalArgumentException(f.problem());
                }
                throw new ExerciseFormatException(ref.at(), "in `" + ref.text() + "` of `" + exercise.id() + "`: "
                        + f.problem());
            }
            refs.put(ref.text(), v);
        }
        return v;
    }

    /** The caller a reference names. */
    Actor actor(Ref ref) {
        try {
            return Refs.actor(world(), value(ref));
        } catch (RuntimeException e) {
            throw new ExerciseFormatException(ref.at(), "`" + ref.text() + "` is not a caller in the world of `"
                    + exercise.id() + "`: " + e.getMessage());
        }
    }

    /** The ARN a reference names. */
    String arn(Ref ref) {
        return Refs.arnOf(value(ref));
    }

    /** The decision with its trace. */
    public Answer explain(Request r) {
        return world().explain(actor(r.principal()), r.action(), arn(r.resource()), r.context());
    }

    /** The decision alone. */
    Decision decide(Actor caller, String action, String resource, Map<String, Object> context) {
        return world().decide(caller, action, resource, context);
    }
}
