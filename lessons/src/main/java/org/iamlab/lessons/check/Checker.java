package org.iamlab.lessons.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.iamlab.engine.parse.Hints;
import org.iamlab.engine.render.TraceWords;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.model.Check;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.LeastPrivilege;
import org.iamlab.lessons.model.Option;
import org.iamlab.lessons.model.Slot;
import org.iamlab.lessons.model.Snippet;

/**
 * Checks a learner's work by evaluation. Policy and fix-it exercises: the learner's policies are read from their
 * world (the notebook's), written into a fresh copy of the exercise's world, and the checks and the
 * least-privilege probe run there. Decision and choice exercises: the answer is compared with the key the
 * evaluator computes. Keys are computed once per checker.
 */
public final class Checker {

    private final Scripts scripts = new Scripts();
    private final Map<String, Answer> decisionKeys = new ConcurrentHashMap<>();
    private final Map<String, ChoiceKey> choiceKeys = new ConcurrentHashMap<>();

    /** The right decision of a decision exercise, with its trace. */
    public Answer key(Exercise.Decision e) {
        return decisionKeys.computeIfAbsent(e.id(), id -> ExerciseWorld.build(scripts, e).explain(e.request()));
    }

    /** Which options of a choice question are right, and the first check each wrong one fails. */
    public ChoiceKey key(Exercise.Choice e) {
        return choiceKeys.computeIfAbsent(e.id(), id -> ChoiceKey.compute(scripts, e));
    }

    /**
     * Checks the policies the learner wrote in {@code learner} (a policy or fix exercise); with
     * {@code withHidden} the hidden checks too (grading). Not attempted when the slot is empty or its holder missing.
     */
    public Feedback check(Exercise e, World learner, boolean withHidden) {
        return grade(e, work(e, learner), withHidden);
    }

    /**
     * What the learner wrote in {@code learner} for a policy or fix exercise: each slot's content, or why it is
     * not attempted. This is all of the learner's world that checking needs, so it can be read in one process
     * (the grader's sandboxed notebook run) and checked in another.
     */
    public Work work(Exercise e, World learner) {
        if (e instanceof Exercise.Decision || e instanceof Exercise.Choice) {
            return Work.missing("answer it with answer '" + e.id() + "', " + (e instanceof Exercise.Decision
                    ? "'Allowed' (or 'ExplicitlyDenied', 'ImplicitlyDenied')" : "'A'"));
        }
        ExerciseWorld mine = ExerciseWorld.over(scripts, e, learner);
        Map<Slot, SlotContent> answer = new LinkedHashMap<>();
        for (Slot slot : slots(e)) {
            try {
                answer.put(slot, Slots.read(mine, slot));
            } catch (Slots.Missing | IllegalArgumentException m) {
                return Work.missing(m.getMessage() + " (the exercise reads " + slot.describe() + ")");
            }
        }
        if (e instanceof Exercise.WritePolicy p && answer.get(p.slot()).policy().isEmpty()) {
            return Work.missing("write " + p.slot().describe());
        }
        return Work.of(answer);
    }

    /** Checks {@code work} read by {@link #work}; with {@code withHidden} the hidden checks too. */
    public Feedback grade(Exercise e, Work work, boolean withHidden) {
        return work.notAttempted() != null ? notAttempted(e, work.notAttempted())
                : checkAnswer(e, work.slots(), withHidden);
    }

    /** Checks the exercise's own solution (the test suite's proof that each exercise can be solved). */
    public Feedback checkSolution(Exercise e, boolean withHidden) {
        ExerciseWorld solved = ExerciseWorld.build(scripts, e, solution(e));
        return check(e, solved.world(), withHidden);
    }

    /** Checks the policies in {@code answer} (slot to its content) in a fresh exercise world. */
    public Feedback checkAnswer(Exercise e, Map<Slot, SlotContent> answer, boolean withHidden) {
        ExerciseWorld fresh = ExerciseWorld.build(scripts, e);
        for (Map.Entry<Slot, SlotContent> a : answer.entrySet()) {
            try {
                Slots.write(fresh, a.getKey(), a.getValue());
            } catch (RuntimeException ex) {
                return failed(e, List.of(new CheckResult(a.getKey().describe() + " can hold your policy", false, null,
                        ex.getMessage(), null)), null);
            }
        }
        List<Check> checks = new ArrayList<>(checks(e));
        if (withHidden) {
            checks.addAll(hidden(e));
        }
        List<CheckResult> results = new ArrayList<>();
        for (Check c : checks) {
            Answer a = fresh.explain(c.request());
            results.add(new CheckResult(c.describe(), c.expect().accepts(a.decision()), a.decision(),
                    TraceWords.reason(a.trace()), a.trace()));
        }
        LeastPrivilege lp = leastPrivilege(e);
        if (lp != null) {
            // One written policy can only let through what its Allow statements name; a fix may also remove a
            // deny, which lets through what other policies allow, so a fix's probe asks every action.
            Predicate<String> mayBeAllowed = e instanceof Exercise.WritePolicy p
                    && answer.get(p.slot()).policy().isPresent()
                    ? LeastPrivilegeProbe.allowedBy(answer.get(p.slot()).policy().get()) : action -> true;
            results.add(probe(e, lp, fresh, answer.keySet(), mayBeAllowed));
        }
        boolean all = results.stream().allMatch(CheckResult::passed);
        return all ? passed(e, results, null) : failed(e, results, null);
    }

    private CheckResult probe(Exercise e, LeastPrivilege lp, ExerciseWorld changed, java.util.Set<Slot> slots,
                              Predicate<String> mayBeAllowed) {
        boolean grants = slots.stream().allMatch(s -> s.type().grants());
        ExerciseWorld base = grants ? ExerciseWorld.build(scripts, e) : null;
        Optional<LeastPrivilegeProbe.Extra> extra = LeastPrivilegeProbe.of(lp, checks(e), changed).run(changed, base, mayBeAllowed);
        String requirement = "least privilege: nothing beyond what the exercise needs";
        if (extra.isEmpty()) {
            return new CheckResult(requirement, true, null, null, null);
        }
        LeastPrivilegeProbe.Extra x = extra.get();
        return new CheckResult(requirement, false, x.answer().decision(), "it also allows `" + x.action() + "` on `"
                + x.resource() + "` for " + x.principal(), x.answer().trace());
    }

    /** Answers a decision or choice exercise with {@code choice}. */
    public Feedback answer(Exercise e, Object choice) {
        if (e instanceof Exercise.Decision d) {
            Decision given = decision(choice);
            Answer key = key(d);
            boolean right = given == key.decision();
            CheckResult r = new CheckResult("your answer `" + given.label() + "` is IAM's decision", right,
                    key.decision(), TraceWords.reason(key.trace()), key.trace());
            return right ? passed(e, List.of(r), "you answered " + given.label())
                    : failed(e, List.of(r), "you answered " + given.label());
        }
        if (e instanceof Exercise.Choice c) {
            return answerChoice(c, letters(c, choice));
        }
        throw new IllegalArgumentException("`" + e.id() + "` is a " + e.kind() + " exercise: write your answer in the"
                + " world, then check '" + e.id() + "'");
    }

    private Feedback answerChoice(Exercise.Choice c, List<String> chosen) {
        ChoiceKey key = key(c);
        List<CheckResult> results = new ArrayList<>();
        for (String letter : chosen) {
            Option o = c.options().get(letter.charAt(0) - 'A');
            Optional<ChoiceKey.Proof> proof = key.proof(letter);
            String requirement = "option " + letter + " meets every requirement";
            if (proof.isEmpty()) {
                results.add(new CheckResult(requirement, true, null, o.why(), null));
            } else {
                ChoiceKey.Proof p = proof.get();
                results.add(new CheckResult(requirement, false, p.answer().decision(), "it fails `"
                        + p.check().describe() + "` (" + TraceWords.reason(p.answer().trace()) + ")"
                        + (o.why() != null ? ". " + o.why() : ""), p.answer().trace()));
            }
        }
        if (c.multi() && !chosen.containsAll(key.right())) {
            results.add(new CheckResult("every right option is chosen", false, null,
                    "another option also meets every requirement", null));
        }
        String note = "you answered " + String.join(", ", chosen);
        return results.stream().allMatch(CheckResult::passed) ? passed(c, results, note) : failed(c, results, note);
    }

    /** A decision from how a learner may write it: {@code 'Allowed'}, {@code 'implicitly denied'}, ... */
    static Decision decision(Object choice) {
        if (choice instanceof Decision d) {
            return d;
        }
        String text = String.valueOf(choice).replaceAll("[\\s_-]", "");
        for (Decision d : Decision.values()) {
            if (d.label().equalsIgnoreCase(text)) {
                return d;
            }
        }
        List<String> labels = List.of("Allowed", "ExplicitlyDenied", "ImplicitlyDenied");
        String hint = Hints.didYouMean(String.valueOf(choice), labels);
        throw new IllegalArgumentException("`" + choice + "` is not a decision; answer Allowed, ExplicitlyDenied or"
                + " ImplicitlyDenied" + (hint != null ? " (" + hint + ")" : ""));
    }

    /** The letters a learner chose: {@code 'B'}, {@code ['A', 'C']} or {@code 'A, C'}. */
    static List<String> letters(Exercise.Choice c, Object choice) {
        List<String> raw = new ArrayList<>();
        if (choice instanceof Iterable<?> it) {
            it.forEach(x -> raw.add(String.valueOf(x)));
        } else {
            raw.addAll(List.of(String.valueOf(choice).split("[,\\s]+")));
        }
        TreeSet<String> letters = new TreeSet<>();
        for (String r : raw) {
            String l = r.strip().toUpperCase(java.util.Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            if (l.length() != 1 || l.charAt(0) < 'A' || l.charAt(0) >= 'A' + c.options().size()) {
                throw new IllegalArgumentException("`" + r + "` is not an option of `" + c.id() + "`; answer a letter"
                        + " from A to " + (char) ('A' + c.options().size() - 1));
            }
            letters.add(l);
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("choose an option of `" + c.id() + "`, e.g. answer '" + c.id() + "', 'A'");
        }
        if (letters.size() > 1 && !c.multi()) {
            throw new IllegalArgumentException("`" + c.id() + "` has one right option; choose one letter");
        }
        return List.copyOf(letters);
    }

    /** The feedback of an exercise the learner has not attempted, saying how to. */
    public static Feedback notAttempted(Exercise e, String how) {
        return new Feedback(e.id(), e.header().title(), Feedback.Status.NOT_ATTEMPTED, List.of(), how, null, null, 0,
                e.header().points());
    }

    private static Feedback passed(Exercise e, List<CheckResult> results, String note) {
        return new Feedback(e.id(), e.header().title(), Feedback.Status.PASSED, results, note, null,
                e.header().explanation(), e.header().points(), e.header().points());
    }

    private static Feedback failed(Exercise e, List<CheckResult> results, String note) {
        List<String> hints = e.header().hints();
        boolean answered = e instanceof Exercise.Decision || e instanceof Exercise.Choice;
        return new Feedback(e.id(), e.header().title(), Feedback.Status.FAILED, results, note,
                hints.isEmpty() ? null : hints.get(0), answered ? e.header().explanation() : null, 0,
                e.header().points());
    }

    /** The slots a policy or fix exercise reads (none for answered ones). */
    public static List<Slot> slots(Exercise e) {
        if (e instanceof Exercise.WritePolicy p) {
            return List.of(p.slot());
        }
        return e instanceof Exercise.Fix f ? f.change() : List.of();
    }

    static List<Check> checks(Exercise e) {
        if (e instanceof Exercise.WritePolicy p) {
            return p.checks();
        }
        if (e instanceof Exercise.Fix f) {
            return f.checks();
        }
        return e instanceof Exercise.Choice c ? c.checks() : List.of();
    }

    private static List<Check> hidden(Exercise e) {
        if (e instanceof Exercise.WritePolicy p) {
            return p.hidden();
        }
        return e instanceof Exercise.Fix f ? f.hidden() : List.of();
    }

    private static LeastPrivilege leastPrivilege(Exercise e) {
        if (e instanceof Exercise.WritePolicy p) {
            return p.leastPrivilege();
        }
        return e instanceof Exercise.Fix f ? f.leastPrivilege() : null;
    }

    private static Snippet solution(Exercise e) {
        if (e instanceof Exercise.WritePolicy p) {
            return p.solution();
        }
        if (e instanceof Exercise.Fix f) {
            return f.solution();
        }
        throw new IllegalArgumentException("`" + e.id() + "` is answered, not solved");
    }
}
