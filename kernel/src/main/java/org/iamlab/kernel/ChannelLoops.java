package org.iamlab.kernel;

import org.dflib.jjava.jupyter.channels.Loop;

/**
 * Stopping and awaiting the loop thread of a channel whose loop the kernel replaced ({@link SafeShellChannel},
 * {@link SafeHeartbeatChannel}): the base classes keep their own loop private, so each replacement holds its own.
 */
final class ChannelLoops {

    private ChannelLoops() {
    }

    /**
     * Asks {@code loop} to stop and waits up to {@code millis} for it to leave the socket, so the socket can be
     * closed after it; a loop that closes its own channel (a shutdown request) is not waited for.
     */
    static void stop(Loop loop, long millis) {
        if (loop == null) {
            return;
        }
        loop.shutdown();
        if (Thread.currentThread() != loop) {
            join(loop, millis);
        }
    }

    /** Waits until {@code loop} has ended (0: no limit). */
    static void await(Loop loop) {
        if (loop != null) {
            join(loop, 0);
        }
    }

    private static void join(Loop loop, long millis) {
        try {
            loop.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
