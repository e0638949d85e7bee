package org.iamlab.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.zeromq.ZMQ;

/**
 * Jupyter's {@code stop_on_error}, as ipykernel keeps it: when a cell that asked for it ({@code stop_on_error}
 * true, not silent) fails, the execute requests already waiting on the shell socket are answered
 * {@code {"status": "aborted"}} without running, so that Run All stops at the real error instead of burying it
 * under follow-on errors. Other requests (completion, inspection, kernel_info, ...) are still answered; a cell
 * that fails with {@code stop_on_error} false (nbclient's {@code allow_errors}, the {@code raises-exception}
 * tag) aborts nothing. Aborting ends with the last request that was waiting when the previous reply was sent:
 * each check is made before a reply goes out, so a cell sent in answer to a reply (the next cell a front end
 * sends once it sees the error) runs.
 *
 * <p>Only the shell thread uses this: the state changes only for requests of the shell socket.
 */
final class StopOnError {

    /** The shell requests other than execute (interrupt and shutdown come on the control socket). */
    private static final List<MessageType<?>> SHELL_REQUESTS = List.of(MessageType.INSPECT_REQUEST, MessageType.COMPLETE_REQUEST, MessageType.HISTORY_REQUEST,
            MessageType.IS_COMPLETE_REQUEST, MessageType.KERNEL_INFO_REQUEST, MessageType.COMM_INFO_REQUEST,
            MessageType.COMM_OPEN_COMMAND, MessageType.COMM_MSG_COMMAND, MessageType.COMM_CLOSE_COMMAND);

    /** execute_reply for a request that was not run. */
    static final class Aborted {
        final String status = "aborted";
    }

    private JupyterSocket shell;
    private boolean aborting;

    /** Makes the other shell requests end the aborting when no request waits behind them. */
    void watch(JupyterConnection connection) {
        SHELL_REQUESTS.forEach(type -> watch(connection, type));
    }

    private <T> void watch(JupyterConnection connection, MessageType<T> type) {
        ShellHandler<T> handler = connection.getHandler(type);
        if (handler != null) {
            connection.setHandler(type, (env, message) -> {
                boolean mine = env.getShell() == shell;
                boolean more = mine && requestsWaiting();
                handler.handle(env, message);
                if (mine) {
                    aborting = aborting && more;
                }
            });
        }
    }

    /**
     * Whether the execute request {@code env} answers is aborted: if so, its aborted reply is sent. Called
     * first thing for every execute request.
     */
    boolean abort(ShellReplyEnvironment env) {
        shell = env.getShell();
        if (!aborting) {
            return false;
        }
        aborting = requestsWaiting();
        env.setBusyDeferIdle();
        Replies.send(env, MessageType.EXECUTE_REPLY, new Aborted());
        return true;
    }

    /**
     * {@code request} failed; called before its error reply is sent: the execute requests waiting now are
     * aborted, if it asked for that.
     */
    void failing(ExecuteRequest request) {
        aborting = request.shouldStopOnError() && !request.isSilent() && requestsWaiting();
    }

    /**
     * Nothing waits on the shell socket any more: aborting ends. Without this a failed cell whose queue held only
     * messages the channel drops (badly signed, malformed) left aborting on, and the next cell sent was aborted.
     */
    void drained() {
        aborting = false;
    }

    private boolean requestsWaiting() {
        return shell != null && (shell.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }
}
