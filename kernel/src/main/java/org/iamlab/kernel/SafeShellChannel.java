package org.iamlab.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The shell or control channel, with the base library's loop replaced by one that survives bad messages. The base
 * loop ({@code ShellChannel.bind}) lets any exception out of its thread, so one message with a wrong signature, bad
 * JSON or a header without {@code msg_id} ended it and the kernel never answered again; with missing frames it read
 * into the next message. This loop decodes each message's frames with {@link WireMessages}, drops what it cannot
 * decode or has no handler for (logged once per cause by {@link DroppedMessages}), and answers every waiting
 * request before it sleeps, so a flood of bad messages delays the next good one only by the time to reject them.
 */
final class SafeShellChannel extends ShellChannel {

    private static final AtomicInteger IDS = new AtomicInteger();
    /**
     * What the control channel answers (the messaging spec's control messages, and kernel_info which clients also
     * send there). The control channel has its own thread so that an interrupt reaches a busy kernel; a request
     * that runs or compiles code (execute, complete, inspect, ...) on it would run beside the shell's cell, and
     * JShell's compiler is not thread-safe (two evaluations at once corrupt it), so those are dropped.
     */
    private static final Set<String> CONTROL_TYPES = Set.of("kernel_info_request", "interrupt_request",
            "shutdown_request", "debug_request", "usage_request");

    private final JupyterConnection connection;
    private final HMACGenerator hmac;
    private final boolean control;
    private final long sleep;
    private final DroppedMessages dropped;
    private volatile Loop loop;
    /** Messages taken off the socket by {@link #takeWaiting()}, handled before the socket's next ones. */
    private final Deque<List<byte[]>> taken = new ArrayDeque<>();
    private Runnable takenHandled = () -> { };

    SafeShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection,
            long sleep) {
        super(context, hmac, control, connection, sleep);
        this.connection = connection;
        this.hmac = hmac;
        this.control = control;
        this.sleep = sleep;
        this.dropped = new DroppedMessages(control ? "control channel" : "shell channel", logger);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("the channel is already bound");
        }
        String name = (control ? "Control-" : "Shell-") + IDS.getAndIncrement();
        bind(formatAddress(properties.getTransport(), properties.getIp(),
                control ? properties.getControlPort() : properties.getShellPort()));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        Loop l = new Loop(name, sleep, () -> {
            while (!closed) {
                List<byte[]> frames = taken.poll();
                boolean wasTaken = frames != null;
                if (!wasTaken) {
                    frames = poller.poll(0) > 0 ? receive() : null;
                    if (frames == null) {
                        return;
                    }
                }
                handle(WireMessages.decode(frames, hmac));
                if (wasTaken && taken.isEmpty()) {
                    takenHandled.run();
                }
            }
        });
        l.onError(e -> {
            if (closed) {
                return -1;
            }
            dropped.drop("the loop failed", String.valueOf(e));
            return sleep;
        });
        l.onClose(() -> loop = null);
        loop = l;
        l.start();
    }

    /**
     * Takes every message waiting on the socket now into the channel's own queue, to be handled (or dropped) next,
     * before anything that arrives later; when the last of them has been handled, {@code then} runs. Returns how
     * many were taken. This is ipykernel's flush before it aborts: a failed cell aborts exactly the requests that
     * were waiting when it failed, and a request sent once the error was seen runs. Called on this channel's thread.
     */
    int takeWaiting(Runnable then) {
        List<byte[]> frames;
        int count = 0;
        while ((frames = receive()) != null) {
            taken.add(frames);
            count++;
        }
        takenHandled = then;
        return count;
    }

    private synchronized List<byte[]> receive() {
        return closed ? null : WireMessages.receive(this, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(WireMessages.Decoded decoded) {
        if (decoded instanceof WireMessages.Rejected r) {
            dropped.drop(r.cause(), r.detail());
            return;
        }
        WireMessages.Accepted a = (WireMessages.Accepted) decoded;
        if (control && !CONTROL_TYPES.contains(a.typeName())) {
            dropped.drop("a shell request on the control channel", "`" + a.typeName() + "`");
            return;
        }
        Message<?> message = a.message();
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            dropped.drop("unknown message type", "`" + a.typeName() + "`");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            dropped.drop("the `" + a.typeName() + "` handler failed with " + e.getClass().getName(), String.valueOf(e));
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        ChannelLoops.stop(loop, sleep * 2);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        ChannelLoops.await(loop);
    }
}
