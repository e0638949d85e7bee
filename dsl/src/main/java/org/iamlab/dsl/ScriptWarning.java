package org.iamlab.dsl;

import java.util.Objects;

/**
 * Something a script wrote that AWS would accept but that most likely is not what was meant (an action AWS does
 * not have, a role trusting a user who does not exist): the script goes on, and the warning is shown with its
 * line, {@code line 4: warning: ...}.
 */
public record ScriptWarning(int line, String message) {

    public ScriptWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + "warning: " + message;
    }
}
