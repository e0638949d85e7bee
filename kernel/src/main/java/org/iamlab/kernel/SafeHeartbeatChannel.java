package org.iamlab.kernel;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * The heartbeat channel, with a loop that echoes every waiting ping at once. The base library's loop reads one
 * frame every 500 ms: a multipart ping left frames behind (and failed to answer), and a flood of pings delayed the
 * real one by half a second each, long past the second after which a Jupyter client counts a beat as missed. Only
 * this channel's thread uses its socket, so it waits in {@code poll} instead of sleeping.
 */
final class SafeHeartbeatChannel extends HeartbeatChannel {

    private static final long POLL_MILLIS = 100;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final DroppedMessages dropped = new DroppedMessages("heartbeat channel", logger);
    private volatile Loop loop;

    SafeHeartbeatChannel(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("the heartbeat channel is already bound");
        }
        bind(formatAddress(properties.getTransport(), properties.getIp(), properties.getHbPort()));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        Loop l = new Loop("Heartbeat-" + IDS.getAndIncrement(), 0, () -> {
            if (closed || poller.poll(POLL_MILLIS) <= 0) {
                return;
            }
            List<byte[]> ping;
            while (!closed && (ping = WireMessages.receive(this, false)) != null) {
                echo(ping);
            }
        });
        l.onError(e -> {
            if (closed) {
                return -1;
            }
            dropped.drop("the loop failed", String.valueOf(e));
            return POLL_MILLIS;
        });
        l.onClose(() -> loop = null);
        loop = l;
        l.start();
    }

    /** Sends the frames back as they came, as Jupyter's heartbeat (a ZeroMQ echo device) does. */
    private void echo(List<byte[]> frames) {
        boolean sent = true;
        for (int i = 0; i < frames.size(); i++) {
            sent &= i < frames.size() - 1 ? sendMore(frames.get(i)) : send(frames.get(i));
        }
        if (!sent) {
            dropped.drop("a ping could not be echoed", frames.size() + " frames");
        }
    }

    @Override
    public void close() {
        ChannelLoops.stop(loop, POLL_MILLIS * 2);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        ChannelLoops.await(loop);
    }
}
