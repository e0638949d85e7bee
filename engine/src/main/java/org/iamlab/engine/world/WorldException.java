package org.iamlab.engine.world;

import java.util.Optional;

import java.util.Collection;
import java.util.Objects;
import org.iamlab.engine.parse.Hints;

/**
 * Something the world cannot do: an unknown or duplicate name, a broken rule of IAM (a group in a group, a third
 * access key), a request with expired credentials. It carries two wordings: {@link #getMessage()} in IAM Lab's
 * style ({@code no user `bob` in account 123456789012; did you mean `alice`?}) and {@link #awsMessage()} as the
 * AWS API words it, with the API's error {@link #code()} ({@code NoSuchEntity}, {@code EntityAlreadyExists}, ...).
 */
public final class WorldException extends RuntimeException {

    private final String code;
    private final String problem;
    private final String awsMessage;
    private final String hint;
    private final transient Answer answer;

    /**
     * @param code       the AWS error code, e.g. {@code NoSuchEntity}
     * @param problem    what is wrong, lowercase, names in backticks
     * @param awsMessage the message AWS gives for it
     * @param hint       how to fix it (e.g. {@code did you mean `alice`?}), or {@code null}
     */
    public WorldException(String code, String problem, String awsMessage, String hint) {
        this(code, problem, awsMessage, hint, null);
    }

    /** A refusal that comes with the evaluator's answer (e.g. a trust policy that does not allow the caller). */
    public WorldException(String code, String problem, String awsMessage, String hint, Answer answer) {
        super(hint == null ? problem : problem + "; " + hint);
        this.code = Objects.requireNonNull(code, "code");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.awsMessage = Objects.requireNonNull(awsMessage, "awsMessage");
        this.hint = hint;
        this.answer = answer;
    }

    /** The decision and trace behind a refusal, when the evaluator made one. */
    public java.util.Optional<Answer> answer() {
        return java.util.Optional.ofNullable(answer);
    }

    /** The AWS API error code. */
    public String code() {
        return code;
    }

    /** What is wrong, without the hint. */
    public String problem() {
        return problem;
    }

    /** The message the AWS API gives. */
    public String awsMessage() {
        return awsMessage;
    }

    /** How to fix it, or {@code null}. */
    public String hint() {
        return hint;
    }

    static WorldException noSuchEntity(String kind, String name, String where, Collection<String> existing,
                                       String awsMessage) {
        String hint = Hints.didYouMean(name, existing);
        if (hint == null && existing.isEmpty()) {
            hint = "there is no " + kind + " yet";
        }
        return new WorldException("NoSuchEntity", "no " + kind + " `" + name + "` " + where, awsMessage, hint);
    }

    static WorldException alreadyExists(String kind, String name, String where, String awsMessage) {
        return new WorldException("EntityAlreadyExists", "duplicate " + kind + " `" + name + "` " + where, awsMessage,
                "each " + kind + " name can be used once; pick another name or change the existing one");
    }

    /** A duplicate of an object that notebook cell {@code definedBy} (when present) defined. */
    static WorldException alreadyExists(String kind, String name, String where, String awsMessage,
                                        Optional<String> definedBy) {
        if (definedBy.isEmpty()) {
            return alreadyExists(kind, name, where, awsMessage);
        }
        String cell = definedBy.get();
        return new WorldException("EntityAlreadyExists", "duplicate " + kind + " `" + name + "` " + where
                + ": " + cell + " defined it", awsMessage, "each " + kind + " name can be used once; change it in "
                + cell + " and run that cell again, pick another name, or start a fresh world with %reset");
    }

    static WorldException invalid(String problem, String hint) {
        return new WorldException("ValidationError", problem, capitalize(problem) + ".", hint);
    }

    static WorldException deleteConflict(String problem, String awsMessage) {
        return new WorldException("DeleteConflict", problem, awsMessage, null);
    }

    static WorldException limitExceeded(String problem, String awsMessage) {
        return new WorldException("LimitExceeded", problem, awsMessage, null);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
