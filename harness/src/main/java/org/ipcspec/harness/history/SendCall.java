package org.ipcspec.harness.history;

/**
 * One send: a {@code send_begin} and, unless it never returned, its {@code send_end}.
 *
 * @param participant the sender process
 * @param end         the channel end it was sent on, or null when the open was not recorded
 * @param begin       the send_begin event
 * @param finish      the send_end event, or null while blocked (or abandoned)
 * @param request     the REQUEST mark it served (send, or send_many for a sample), or null
 */
public record SendCall(String participant, ChannelEnd end, Entry begin, Entry finish, Entry request) {

    public long seq() {
        return begin.num("seq", -1);
    }

    public long beginT() {
        return begin.time();
    }

    public boolean ended() {
        return finish != null;
    }

    /** send_end's t; call only when {@link #ended()}. */
    public long endT() {
        return finish.time();
    }

    /** send_end's status, or null while blocked. */
    public String status() {
        return finish == null ? null : finish.status();
    }

    public boolean endedWith(String status) {
        return finish != null && status.equals(finish.status());
    }

    /** The sender's mode from its open; UNKNOWN when the open was not recorded. */
    public Mode mode() {
        return end == null ? Mode.UNKNOWN : end.mode();
    }

    /** True for the sampled events of a send_many. */
    public boolean sampled() {
        return request != null && "send_many".equals(request.op());
    }

    /** The request's timeout_ms, or null. */
    public Long timeoutMs() {
        return request == null ? null : request.num("timeout_ms");
    }

    /** The message's identity: text payload by its text, else (sender_id of the open, seq). */
    public MessageKey key() {
        if (request != null && request.str("text") != null && !sampled()) {
            return MessageKey.text(request.str("text"));
        }
        return MessageKey.generated(end == null ? 1 : end.senderId(), seq());
    }

    /** Payload size in bytes: {@code size}, or the UTF-8 length of {@code text}; -1 when unknown. */
    public long size() {
        if (request == null) {
            return -1;
        }
        String text = request.str("text");
        if (text != null && !sampled()) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return request.num("size", -1);
    }
}
