package org.iamlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the {@code iamlab} command: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

    /** Runs {@code iamlab args...} in this JVM, capturing both streams. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IamLab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Runs {@code iamlab args...} with {@code input} as standard input. */
    static CliRun withInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IamLab.commandLine(new java.io.ByteArrayInputStream(input.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Standard output, line by line. */
    List<String> lines() {
        return out.lines().toList();
    }
}
