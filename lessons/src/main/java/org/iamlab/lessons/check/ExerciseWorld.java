package org.iamlab.lessons.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamlab.dsl.Lab;
import org.iamlab.dsl.ScriptFailure;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Instance;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.World;
import org.iamlab.engine.trace.Decision;
import org.iamlab.lessons.format.ExerciseFormatException;
import org.iamlab.lessons.model.Exercise;
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
    private final Map<String, Object> refs = new HashMap<>();

    private ExerciseWorld(Exercise exercise, Lab lab) {
        this.exercise = exercise;
        this.lab = lab;
    }

    /** The exercise's world, then each of {@code edits} run on it. */
    public static ExerciseWorld build(Exercise exercise, Snippet... edits) {
        ExerciseWorld w = new ExerciseWorld(exercise, new Lab(new World(), value -> { }));
        w.run(exercise.header().world(), "world");
        for (Snippet edit : edits) {
            w.run(edit, "edit");
        }
        return w;
    }

    /** The exercise asked in a world built elsewhere (the learner's), whose references resolve there. */
    public static ExerciseWorld over(Exercise exercise, World world) {
        return new ExerciseWorld(exercise, new Lab(world, value -> { }));
    }

    /** Runs a further snippet on this world. */
    public ExerciseWorld run(Snippet snippet, String what) {
        try {
            lab.run(snippet.code(), exercise.id());
        } catch (ScriptFailure f) {
            throw new ExerciseFormatException(snippet.at().down(Math.max(f.line(), 1) - 1), "in the " + what + " of `"
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
                v = lab.run(ref.text(), exercise.id());
            } catch (ScriptFailure f) {
                throw new ExerciseFormatException(ref.at(), "in `" + ref.text() + "` of `" + exercise.id() + "`: "
                        + f.problem());
            }
            refs.put(ref.text(), v);
        }
        return v;
    }

    /** Evaluates the DSL expressions of {@code all} in one script, so that a world asks Groovy once. */
    void prepare(List<Ref> all) {
        Set<String> todo = new LinkedHashSet<>();
        for (Ref r : all) {
            if (r.expression() && !refs.containsKey(r.text())) {
                todo.add(r.text());
            }
        }
        if (todo.size() < 2) {
            return;
        }
        List<String> texts = new ArrayList<>(todo);
        try {
            Object values = lab.run("[" + String.join(",\n", texts) + "]", exercise.id());
            List<?> list = (List<?>) values;
            for (int i = 0; i < texts.size(); i++) {
                refs.put(texts.get(i), list.get(i));
            }
        } catch (ScriptFailure f) {
            // One of them is wrong: value() asks them one at a time and names the one that is.
            refs.clear();
        }
    }

    /** The caller a reference names. */
    Actor actor(Ref ref) {
        Object v = value(ref);
        if (v instanceof Actor a) {
            return a;
        }
        if (v instanceof Resource r) {
            return r.actor();
        }
        if (v instanceof Instance i) {
            return i.session();
        }
        try {
            return world().actor(String.valueOf(v).matches("\\d{12}") ? "arn:aws:iam::" + v + ":root"
                    : String.valueOf(v));
        } catch (RuntimeException e) {
            throw new ExerciseFormatException(ref.at(), "`" + ref.text() + "` is not a caller in the world of `"
                    + exercise.id() + "`: " + e.getMessage());
        }
    }

    /** The ARN a reference names. */
    String arn(Ref ref) {
        Object v = value(ref);
        if (v instanceof PolicyHolder h) {
            return h.arn();
        }
        if (v instanceof Resource r) {
            return r.arn();
        }
        if (v instanceof Session s) {
            return s.arn();
        }
        if (v instanceof Instance i) {
            return i.arn();
        }
        if (v instanceof Policy p) {
            return p.arn();
        }
        return String.valueOf(v);
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
