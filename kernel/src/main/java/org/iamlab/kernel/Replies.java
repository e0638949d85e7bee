package org.iamlab.kernel;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.DefaultReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * Reply contents as the Jupyter message spec (5.3) has them. The base library's kernel_info, interrupt,
 * shutdown, history and comm_info replies lack {@code "status": "ok"}, and its execute reply has no
 * {@code payload}; these carry them.
 */
final class Replies {

    private Replies() {
    }

    /** Sends {@code content} as the reply of type {@code type} to the request that {@code env} answers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void send(DefaultReplyEnvironment env, MessageType<?> type, Object content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    /** kernel_info_reply. */
    static final class KernelInfo extends KernelInfoReply {
        final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String implementationVersion, LanguageInfo language,
                   String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, language, banner, helpLinks);
        }
    }

    /** interrupt_reply. */
    static final class Interrupt {
        final String status = "ok";
    }

    /** shutdown_reply. */
    static final class Shutdown {
        final String status = "ok";
        final boolean restart;

        Shutdown(boolean restart) {
            this.restart = restart;
        }
    }

    /** history_reply: each entry {@code [session, line, input]}, or {@code [session, line, [input, output]]}. */
    static final class History {
        final String status = "ok";
        final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                    e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput())).toList();
        }
    }

    /** comm_info_reply. */
    static final class CommInfo {
        final String status = "ok";
        final Map<String, CommInfoReply.CommInfo> comms;

        CommInfo(Map<String, CommInfoReply.CommInfo> comms) {
            this.comms = Map.copyOf(comms);
        }

        static CommInfo of(CommManager comms, String targetName) {
            Map<String, CommInfoReply.CommInfo> found = new java.util.LinkedHashMap<>();
            comms.forEach(c -> {
                if (targetName == null || targetName.equals(c.getTargetName())) {
                    found.put(c.getID(), new CommInfoReply.CommInfo(c.getTargetName()));
                }
            });
            return new CommInfo(found);
        }
    }

    /** execute_reply for a cell that ran: its count and what it asks the front end to show (e.g. a page). */
    static final class ExecuteOk {
        final String status = "ok";
        @SerializedName("execution_count")
        final int executionCount;
        final List<Map<String, Object>> payload;
        @SerializedName("user_expressions")
        final Map<String, Object> userExpressions = Map.of();

        ExecuteOk(int executionCount, List<Map<String, Object>> payload) {
            this.executionCount = executionCount;
            this.payload = List.copyOf(payload);
        }
    }

    /** execute_reply for a cell that failed. */
    static final class ExecuteError {
        final String status = "error";
        @SerializedName("execution_count")
        final int executionCount;
        final String ename;
        final String evalue;
        final List<String> traceback;

        ExecuteError(int executionCount, CellError error) {
            this.executionCount = executionCount;
            this.ename = error.name();
            this.evalue = error.value();
            this.traceback = error.traceback();
        }
    }
}
