package org.iamlab.kernel;

/**
 * What a cell gets instead of ending the kernel: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * would end the process and lose the world the learner built, so the kernel refuses them (see {@link ExitGuard}).
 */
public final class ExitRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExitRefused(String call) {
        super("`" + call + "` refused: the kernel stays up; use %reset for a fresh world or restart the kernel"
                + " from the menu");
    }
}
