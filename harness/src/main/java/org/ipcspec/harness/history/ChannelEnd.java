package org.ipcspec.harness.history;

/**
 * A channel end as a participant opened it, read from the recorded {@code open} request and its
 * reply. Absent request fields take the protocol's defaults.
 *
 * @param participant the process
 * @param channel     the handle within the process ("main")
 * @param request     the REQUEST mark of the open
 * @param reply       the reply line, or null when none came
 */
public record ChannelEnd(String participant, String channel, Entry request, Entry reply) {

    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    public Role role() {
        return Role.of(request.str("role"));
    }

    public boolean isSender() {
        return role() == Role.SENDER;
    }

    public boolean isReceiver() {
        return role() == Role.RECEIVER;
    }

    public String transport() {
        return request.str("transport");
    }

    public String address() {
        return request.str("address");
    }

    public Mode mode() {
        return Mode.of(request.str("mode"));
    }

    public long senderId() {
        return request.num("sender_id", 1);
    }

    public long capacity() {
        return request.num("capacity", 64);
    }

    public long maxMessageBytes() {
        return request.num("max_message_bytes", 65536);
    }

    public String contentType() {
        String c = request.str("content_type");
        return c == null ? DEFAULT_CONTENT_TYPE : c;
    }

    /** The reply's status ("ok", "busy", ...), "invalid"/"unsupported" for ok:false, or null without reply. */
    public String status() {
        if (reply == null) {
            return null;
        }
        return Boolean.FALSE.equals(reply.bool("ok")) ? reply.str("error") : reply.status();
    }

    public boolean opened() {
        return "ok".equals(status());
    }

    /** True when both ends name the same address, or when either address is unknown. */
    public boolean sameChannel(ChannelEnd other) {
        return other == null || address() == null || other.address() == null || address().equals(other.address());
    }
}
