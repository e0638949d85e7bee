package org.iamlab.dsl;

/**
 * A mistake in a script that the DSL itself finds (a wrong argument, a group inside a group, ...). The message
 * reads like the engine's: lowercase, names in backticks, a hint after a semicolon.
 */
public class DslException extends RuntimeException {

    public DslException(String message) {
        super(message);
    }

    public DslException(String message, Throwable cause) {
        super(message, cause);
    }
}
