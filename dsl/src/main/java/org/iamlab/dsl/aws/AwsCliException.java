package org.iamlab.dsl.aws;

/**
 * A command that failed, worded as the AWS CLI words it: {@code An error occurred (NoSuchEntity) when calling
 * the GetGroup operation: The group with name devs cannot be found.} for service errors (the CLI's exit status
 * 254), {@code aws: error: ...} for usage errors (252). {@link #hint()} adds a suggestion of IAM Lab's.
 */
public final class AwsCliException extends RuntimeException {

    /** The CLI's exit status for errors the service returned. */
    public static final int SERVICE_ERROR = 254;
    /** The CLI's exit status for unusable command lines. */
    public static final int USAGE_ERROR = 252;

    private final int line;
    private final String cliMessage;
    private final String hint;
    private final int status;

    private AwsCliException(int line, String cliMessage, String hint, int status) {
        super(cliMessage + (hint == null ? "" : " (" + hint + ")"), null, false, false);
        this.line = line;
        this.cliMessage = cliMessage;
        this.hint = hint;
        this.status = status;
    }

    /** A usage error. */
    AwsCliException(int line, String problem, String hint) {
        this(line, "aws: error: " + problem, hint, USAGE_ERROR);
    }

    /** An error the service answered with. */
    static AwsCliException service(String code, String operation, String message, String hint) {
        return new AwsCliException(0, "An error occurred (" + code + ") when calling the " + operation
                + " operation: " + message, hint, SERVICE_ERROR);
    }

    AwsCliException at(int commandLine) {
        return new AwsCliException(commandLine, cliMessage, hint, status);
    }

    /** The line of the command within the {@code aws} text (1-based), or 0. */
    public int line() {
        return line;
    }

    /** Exactly what the CLI prints. */
    public String cliMessage() {
        return cliMessage;
    }

    public String hint() {
        return hint;
    }

    /** The CLI's exit status for it. */
    public int status() {
        return status;
    }
}
