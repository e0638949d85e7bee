package org.iamlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * Jupyter's {@code stop_on_error}, as ipykernel keeps it: when a cell that asked for it ({@code stop_on_error}
 * true, not silent) fails, the execute requests waiting on the shell socket at that moment are answered
 * {@code {"status": "aborted"}} without running, so that Run All stops at the real error instead of burying it
 * under follow-on errors. Like ipykernel, the failure first takes every waiting message off the socket
 * ({@link SafeShellChannel#takeWaiting}); aborting ends when the last of those has been handled, so a cell sent
 * after the error (the next cell a front end sends once it sees the error) runs. Other requests (completion,
 * inspection, kernel_info, ...) among the waiting ones are answered; a cell that fails with {@code stop_on_error}
 * false (nbclient's {@code allow_errors}, the {@code raises-exception} tag) aborts nothing.
 *
 * <p>Only the shell thread uses this. Without a Jupyter connection (NotebookRunner) nothing waits and nothing is
 * aborted.
 */
final class StopOnError {

    /** execute_reply for a request that was not run. */
    static final class Aborted {
        final String status = "aborted";
    }

    private SafeShellChannel shell;
    private boolean aborting;

    /** The channel whose waiting requests a failure aborts. */
    void watch(SafeShellChannel channel) {
        this.shell = channel;
    }

    /**
     * Whether the execute request {@code env} answers is aborted: if so, its aborted reply is sent. Called
     * first thing for every execute request.
     */
    boolean abort(ShellReplyEnvironment env) {
        if (!aborting) {
            return false;
        }
        env.setBusyDeferIdle();
        Replies.send(env, MessageType.EXECUTE_REPLY, new Aborted());
        return true;
    }

    /**
     * {@code request} failed; called before its error reply is sent: if it asked for that, the execute requests
     * waiting now are aborted.
     */
    void failing(ExecuteRequest request) {
        if (shell == null || !request.shouldStopOnError() || request.isSilent()) {
            return;
        }
        aborting = shell.takeWaiting(() -> aborting = false) > 0;
    }
}
