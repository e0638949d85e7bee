package org.iamlab.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.iamlab.engine.render.TraceWords;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Answer;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.ChoiceKey;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Header;

/**
 * The exam bank's choice and decision questions as the practice page shows them, keyed by the evaluator (the
 * lessons module's {@link Checker}): a choice question's right options are those whose edited world meets every
 * check, and a wrong option's feedback is the request that proves it wrong; a decision question's options are
 * the three decisions, its key the decision IAM makes, with the reason from the trace. Keys are computed on first
 * use, so a build whose practice page did not change does not compute them, and on a thread per processor, each
 * with a checker of its own (a checker compiles its Groovy snippets one at a time, and compiling is most of the
 * work).
 */
public final class BankQuestions implements QuestionBank {

    private static final List<Decision> DECISIONS = List.of(Decision.ALLOWED, Decision.EXPLICITLY_DENIED,
            Decision.IMPLICITLY_DENIED);

    private final List<Exercise> exercises;
    private final Supplier<Checker> checkers;
    private List<Question> questions;

    private BankQuestions(List<Exercise> exercises, Supplier<Checker> checkers) {
        this.exercises = exercises.stream().filter(e -> e instanceof Exercise.Choice || e instanceof Exercise.Decision)
                .toList();
        this.checkers = checkers;
    }

    /** The course's exam bank ({@code bank/*.yaml} of the lessons module). */
    public static BankQuestions course() {
        return of(Catalog.course().bank(), Checker::new);
    }

    /**
     * The choice and decision questions among {@code exercises}; other kinds are left out. Each thread that
     * computes keys takes a checker of its own from {@code checkers}.
     */
    public static BankQuestions of(List<Exercise> exercises, Supplier<Checker> checkers) {
        return new BankQuestions(exercises, checkers);
    }

    /** The questions' ids: their content is in the program (the lessons module's resources). */
    @Override
    public String key() {
        return String.join(",", exercises.stream().map(Exercise::id).toList());
    }

    @Override
    public synchronized List<Question> questions() {
        if (questions == null) {
            Question[] out = new Question[exercises.size()];
            AtomicInteger next = new AtomicInteger();
            int threads = Math.max(1, Math.min(exercises.size(), Runtime.getRuntime().availableProcessors()));
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    Checker checker = checkers.get();
                    for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                        Exercise e = exercises.get(i);
                        out[i] = e instanceof Exercise.Choice c ? choice(checker, c)
                                : decision(checker, (Exercise.Decision) e);
                    }
                }, r -> {
                    Thread thread = new Thread(r, "iamlab-keys");
                    thread.setDaemon(true);
                    thread.start();
                }));
            }
            try {
                CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            questions = List.of(out);
        }
        return questions;
    }

    private static Question choice(Checker checker, Exercise.Choice c) {
        ChoiceKey key = checker.key(c);
        List<Option> options = new ArrayList<>();
        for (org.iamlab.lessons.model.Option o : c.options()) {
            boolean right = key.right().contains(o.letter());
            String why = o.why() == null ? "" : o.why().strip();
            String feedback;
            if (right) {
                feedback = why.isEmpty() ? "It meets every requirement of the question." : why;
            } else {
                ChoiceKey.Proof proof = key.proof(o.letter()).orElseThrow();
                feedback = (why.isEmpty() ? "" : why + " ") + "With this change, " + proof.check().describe()
                        + " fails: IAM decides " + outcome(proof.answer()) + ".";
            }
            options.add(new Option(o.letter(), o.text(), right, feedback));
        }
        return new Question(c.id(), c.header().topic().title(), c.header().prompt(), c.multi(), options,
                explanation(c.header()));
    }

    private static Question decision(Checker checker, Exercise.Decision d) {
        Answer key = checker.key(d);
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < DECISIONS.size(); i++) {
            Decision decision = DECISIONS.get(i);
            options.add(new Option(String.valueOf((char) ('A' + i)), decision.label(),
                    decision == key.decision(), "IAM decides " + outcome(key) + "."));
        }
        return new Question(d.id(), d.header().topic().title(), d.header().prompt(), false, options,
                explanation(d.header()));
    }

    /** {@code ExplicitlyDenied: statement #1 in ... denies it}. */
    private static String outcome(Answer answer) {
        String reason = answer.trace() == null ? "" : TraceWords.reason(answer.trace());
        return answer.decision().label() + (reason.isBlank() ? "" : " (" + reason + ")");
    }

    private static String explanation(Header h) {
        return h.explanation() == null ? "" : h.explanation().strip();
    }
}
