package org.iamlab.dsl;

/** A failure of work the DSL did later (at the end of a block) than the script line that asked for it. */
final class Located extends RuntimeException {

    private final int line;

    Located(int line, RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
