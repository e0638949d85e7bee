package org.iamlab.dsl.aws;

import java.util.Objects;

/** What one command printed: its JSON exactly as the AWS CLI prints it, or an error message. */
public record CliOutput(String command, String text, boolean error) {

    public CliOutput {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
