package org.iamlab.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * The stdin channel, read only while a cell waits for input. The base library reads the next message whatever it
 * is: a bad one sent earlier (it waits in the socket until then) failed the cell's read, and one with missing
 * frames swallowed the front end's real reply. Here messages that arrived while no input was asked for are dropped
 * before the request goes out, and while waiting, anything but a well-formed, well-signed {@code input_reply} is
 * dropped (logged once per cause).
 */
final class SafeStdinChannel extends StdinChannel {

    private final HMACGenerator hmac;
    private final DroppedMessages dropped = new DroppedMessages("stdin channel", logger);

    SafeStdinChannel(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac);
        this.hmac = hmac;
    }

    @Override
    public synchronized String getInput(MessageContext context, String prompt, boolean isPasswordRequest) {
        while (WireMessages.receive(this, false) != null) {
            dropped.drop("a message came when no input was asked for", "stale message");
        }
        sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, isPasswordRequest)));
        while (true) {
            List<byte[]> frames = WireMessages.receive(this, true);
            if (frames == null) {
                throw new IllegalStateException("the stdin channel closed while waiting for input");
            }
            WireMessages.Decoded decoded = WireMessages.decode(frames, hmac);
            if (decoded instanceof WireMessages.Rejected r) {
                dropped.drop(r.cause(), r.detail());
            } else if (decoded instanceof WireMessages.Accepted a
                    && a.message().getHeader().getType() == MessageType.INPUT_REPLY
                    && a.message().getContent() instanceof InputReply reply) {
                return reply.getValue() + System.lineSeparator();
            } else {
                dropped.drop("not an input_reply", "`" + ((WireMessages.Accepted) decoded).typeName() + "`");
            }
        }
    }
}
