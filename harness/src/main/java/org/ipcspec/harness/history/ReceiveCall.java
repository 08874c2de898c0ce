package org.ipcspec.harness.history;

/**
 * One receive: a {@code recv_begin} and, unless it never returned, its {@code recv_end}.
 *
 * @param participant the receiver process
 * @param end         the channel end it received on, or null when the open was not recorded
 * @param begin       the recv_begin event
 * @param finish      the recv_end event, or null while blocked (or abandoned)
 * @param request     the REQUEST mark it served (receive, or receive_many for a sample), or null
 */
public record ReceiveCall(String participant, ChannelEnd end, Entry begin, Entry finish, Entry request) {

    public long beginT() {
        return begin.time();
    }

    public boolean ended() {
        return finish != null;
    }

    public long endT() {
        return finish.time();
    }

    public String status() {
        return finish == null ? null : finish.status();
    }

    public boolean endedWith(String status) {
        return finish != null && status.equals(finish.status());
    }

    /** True when it returned a message. */
    public boolean collected() {
        return endedWith("message");
    }

    public Mode mode() {
        return end == null ? Mode.UNKNOWN : end.mode();
    }

    public boolean sampled() {
        return request != null && "receive_many".equals(request.op());
    }

    public Long timeoutMs() {
        return request == null ? null : request.num("timeout_ms");
    }

    /** The collected message's identity, or null when nothing was collected. */
    public MessageKey key() {
        if (!collected()) {
            return null;
        }
        String text = finish.str("text");
        if (text != null) {
            return MessageKey.text(text);
        }
        return MessageKey.generated(finish.num("sender_id", -1), finish.num("seq", -1));
    }

    /** The payload checked out: {@code intact} true, or a text payload. */
    public boolean intact() {
        return finish != null && (finish.str("text") != null || Boolean.TRUE.equals(finish.bool("intact")));
    }

    public String contentType() {
        return finish == null ? null : finish.str("content_type");
    }
}
