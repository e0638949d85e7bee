package org.iamlab.lessons.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.trace.Decision;
import org.iamlab.lessons.check.Checker;
import org.iamlab.lessons.check.ChoiceKey;
import org.iamlab.lessons.check.Feedback;
import org.iamlab.lessons.model.Exercise;
import org.iamlab.lessons.model.Option;
import org.iamlab.lessons.model.Topic;
import org.iamlab.lessons.render.FeedbackView;

/**
 * Exam practice in a terminal: asks bank questions (of one topic, or all) in an order the seed decides, then
 * generated decision questions when the bank has too few, reads each answer from a line of input, says whether
 * it was right and explains it with the trace, and ends with {@code score: K/N}. Input that ends early ends the
 * drill; the score counts the questions asked.
 */
public final class Drill {

    /** One question of a drill: a bank exercise or a generated one. */
    private record Question(Exercise exercise, GeneratedQuestion generated) {
    }

    private static final List<String> DECISIONS = List.of("Allowed", "ExplicitlyDenied", "ImplicitlyDenied");

    private final List<Exercise> bank;
    private final Checker checker;
    private final QuestionGenerator generator = new QuestionGenerator();

    public Drill(List<Exercise> bank, Checker checker) {
        this.bank = List.copyOf(bank);
        this.checker = checker;
    }

    /** The bank, one question a line: {@code id<TAB>topic<TAB>title}. */
    public void list(PrintWriter out, Topic topic) {
        for (Exercise e : bank) {
            if (topic == null || e.header().topic() == topic) {
                out.println(e.id() + "\t" + e.header().topic().slug() + "\t" + e.header().title());
            }
        }
    }

    /** Runs a drill of {@code count} questions; returns how many were answered right. */
    public int run(BufferedReader in, PrintWriter out, Topic topic, int count, long seed) throws IOException {
        List<Question> questions = questions(topic, count, seed);
        int right = 0;
        int asked = 0;
        for (Question q : questions) {
            asked++;
            out.println();
            out.println("Question " + asked + " of " + questions.size() + (q.exercise() != null ? " ("
                    + q.exercise().header().topic().title() + ", " + q.exercise().id() + ")" : " (generated, "
                    + q.generated().id() + ")"));
            String line = ask(q, in, out);
            if (line == null) {
                asked--;
                out.println();
                break;
            }
            right += answer(q, line.strip(), out) ? 1 : 0;
        }
        out.println("score: " + right + "/" + asked);
        out.flush();
        return right;
    }

    private List<Question> questions(Topic topic, int count, long seed) {
        List<Question> pool = new ArrayList<>();
        for (Exercise e : bank) {
            if ((topic == null || e.header().topic() == topic)
                    && (e instanceof Exercise.Choice || e instanceof Exercise.Decision)) {
                pool.add(new Question(e, null));
            }
        }
        Collections.shuffle(pool, new Random(seed));
        List<Question> out = new ArrayList<>(pool.subList(0, Math.min(count, pool.size())));
        if (out.size() < count && (topic == null || topic == Topic.POLICY_EVALUATION)) {
            for (GeneratedQuestion g : generator.questions(seed, count - out.size())) {
                out.add(new Question(null, g));
            }
        }
        return out;
    }

    private static String ask(Question q, BufferedReader in, PrintWriter out) throws IOException {
        if (q.generated() != null) {
            out.println(q.generated().stem());
            decisions(out);
        } else {
            Exercise e = q.exercise();
            out.println(e.header().prompt().strip());
            if (e instanceof Exercise.Choice c) {
                for (Option o : c.options()) {
                    out.println("  " + o.letter() + ". " + o.text());
                }
                out.print(c.multi() ? "your answers (letters, e.g. A,C): " : "your answer (a letter): ");
            } else {
                decisions(out);
            }
        }
        out.flush();
        return in.readLine();
    }

    private static void decisions(PrintWriter out) {
        for (int i = 0; i < DECISIONS.size(); i++) {
            out.println("  " + (char) ('A' + i) + ". " + DECISIONS.get(i));
        }
        out.print("your answer (a letter or the decision): ");
    }

    private boolean answer(Question q, String line, PrintWriter out) {
        if (q.generated() != null) {
            Decision given = decision(line);
            Decision key = q.generated().key().decision();
            out.println(given == key ? "\u2713 right: " + key.label() : "\u2717 " + (given == null ? "`" + line
                    + "` is not a decision" : "not " + given.label()) + "; IAM decides " + key.label());
            out.print(TextTraceView.render(q.generated().key().trace()));
            return given == key;
        }
        Exercise e = q.exercise();
        Feedback f;
        try {
            f = checker.answer(e, e instanceof Exercise.Decision && decision(line) != null ? decision(line) : line);
        } catch (IllegalArgumentException bad) {
            out.println("\u2717 " + bad.getMessage());
            explainKey(e, out);
            return false;
        }
        out.print(FeedbackView.text(f));
        if (f.status() != Feedback.Status.PASSED) {
            explainKey(e, out);
        }
        return f.status() == Feedback.Status.PASSED;
    }

    private void explainKey(Exercise e, PrintWriter out) {
        if (e instanceof Exercise.Choice c) {
            ChoiceKey key = checker.key(c);
            out.println("the answer: " + String.join(", ", key.right()));
            for (Option o : c.options()) {
                if (key.right().contains(o.letter()) && o.why() != null) {
                    out.println("  " + o.letter() + ": " + o.why());
                }
            }
        } else if (e instanceof Exercise.Decision d) {
            out.println("the answer: " + checker.key(d).decision().label());
        }
    }

    /** A decision from a letter (A, B, C) or its name; null when it is neither. */
    static Decision decision(String line) {
        String s = line.strip();
        if (s.length() == 1 && Character.toUpperCase(s.charAt(0)) >= 'A' && Character.toUpperCase(s.charAt(0)) <= 'C') {
            return Decision.fromLabel(DECISIONS.get(Character.toUpperCase(s.charAt(0)) - 'A'));
        }
        String compact = s.replaceAll("[\\s_-]", "");
        for (String d : DECISIONS) {
            if (d.equalsIgnoreCase(compact)) {
                return Decision.fromLabel(d);
            }
        }
        return null;
    }
}
