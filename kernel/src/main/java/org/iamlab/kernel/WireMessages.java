package org.iamlab.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * Turns the frames of one multipart ZeroMQ message into a Jupyter {@link Message}, or says why it cannot. The base
 * library's {@code JupyterSocket.readMessage} reads frame by frame from the socket until it has what it expects, so
 * a message with too few frames makes it read into the next message (or wait forever), and it throws on a bad
 * signature or bad JSON, which ends the channel's thread: the kernel then never answers again. Here the frames of
 * one message are gathered first, and every check returns a {@link Rejected} instead of throwing. Decoding uses
 * the base library's own JSON adapters, so an accepted message is the object the base library would have made.
 */
final class WireMessages {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** The header fields the base library's header adapter cannot do without ({@code date} may be absent). */
    private static final List<String> HEADER_FIELDS = List.of("msg_id", "msg_type", "session", "username", "version");
    private static final Type JSON_OBJECT_AS_MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private static final Gson REPLY_GSON = new GsonBuilder()
            .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
            .create();

    /** What became of one message's frames. */
    sealed interface Decoded {
    }

    /**
     * A message the kernel can handle; {@code typeName} is the header's {@code msg_type} as sent (the message's
     * type is {@link MessageType#UNKNOWN} when the base library does not know that name).
     */
    record Accepted(Message<?> message, String typeName) implements Decoded {
    }

    /**
     * A message to drop: {@code cause} is one of a few fixed phrases (so that a flood of one kind is logged once),
     * {@code detail} says what was wrong with this one.
     */
    record Rejected(String cause, String detail) implements Decoded {
    }

    private WireMessages() {
    }

    /**
     * The frames of the next message on {@code socket}, or null when none is waiting (and {@code wait} is false).
     * A multipart message arrives whole, so once its first frame is there the others are too.
     */
    static List<byte[]> receive(ZMQ.Socket socket, boolean wait) {
        byte[] first = socket.recv(wait ? 0 : ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    /** Decodes the frames of one message; {@code hmac} checks its signature (no check when the key is empty). */
    static Decoded decode(List<byte[]> frames, HMACGenerator hmac) {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        if (d == frames.size()) {
            return new Rejected("no <IDS|MSG> delimiter", frames.size() + " frames, none of them the delimiter");
        }
        if (frames.size() < d + 6) {
            return new Rejected("missing frames", (frames.size() - d - 1)
                    + " frames after the delimiter, at least 5 needed (signature, header, parent, metadata, content)");
        }
        byte[] header = frames.get(d + 2);
        byte[] parent = frames.get(d + 3);
        byte[] metadata = frames.get(d + 4);
        byte[] content = frames.get(d + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), frames.get(d + 1))) {
            return new Rejected("bad signature", "the HMAC signature does not match the connection's key");
        }
        JsonObject[] json = new JsonObject[4];
        String[] names = {"header", "parent header", "metadata", "content"};
        byte[][] raw = {header, parent, metadata, content};
        for (int i = 0; i < raw.length; i++) {
            try {
                JsonElement e = JsonParser.parseString(new String(raw[i], StandardCharsets.UTF_8));
                if (!e.isJsonObject()) {
                    return new Rejected("JSON does not parse", "the " + names[i] + " is not a JSON object");
                }
                json[i] = e.getAsJsonObject();
            } catch (JsonParseException e) {
                return new Rejected("JSON does not parse", "the " + names[i] + ": " + e.getMessage());
            }
        }
        for (String field : HEADER_FIELDS) {
            JsonElement value = json[0].get(field);
            if (value == null || !value.isJsonPrimitive()) {
                return new Rejected("header lacks a field", "no `" + field + "` in the header");
            }
        }
        String typeName = json[0].get("msg_type").getAsString();
        try {
            return new Accepted(message(frames.subList(0, d), json, frames.subList(d + 6, frames.size())), typeName);
        } catch (RuntimeException e) {
            return new Rejected("content does not fit its type", "`" + typeName + "`: " + e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> message(List<byte[]> identities, JsonObject[] json, List<byte[]> blobs) {
        Header<?> header = GSON.fromJson(json[0], Header.class);
        Header<?> parent = json[1].isEmpty() ? null : GSON.fromJson(json[1], Header.class);
        Map<String, Object> metadata = GSON.fromJson(json[2], JSON_OBJECT_AS_MAP);
        Object content = GSON.fromJson(json[3], header.getType().getContentType());
        if (content instanceof ErrorReply) {
            header = new Header<>(header.getId(), header.getUsername(), header.getSessionId(), header.getTimestamp(),
                    header.getType().error(), header.getVersion());
        }
        return new Message(List.copyOf(identities), header, parent, metadata, content, List.copyOf(blobs));
    }
}
