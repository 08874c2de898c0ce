package org.ipcspec.harness.history;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bulk operation: a {@code send_many} or {@code receive_many} request and its {@code batch_end}.
 *
 * @param participant the process
 * @param end         the channel end, or null when the open was not recorded
 * @param request     the REQUEST mark, or null when not recorded
 * @param finish      the batch_end event, or null when it never ended
 */
public record Batch(String participant, ChannelEnd end, Entry request, Entry finish) {

    /** "send_many" or "receive_many" (from the request; from batch_end's fields when there is none). */
    public String op() {
        if (request != null) {
            return request.op();
        }
        return finish != null && finish.has("received") ? "receive_many" : "send_many";
    }

    public boolean isSend() {
        return "send_many".equals(op());
    }

    public boolean ended() {
        return finish != null;
    }

    public String status() {
        return finish == null ? null : finish.status();
    }

    /** An integral batch_end field (count, sent, received, first_t, last_t, ...), or -1. */
    public long figure(String key) {
        return finish == null ? -1 : finish.num(key, -1);
    }

    /** first_seq of a send_many request (default 1). */
    public long firstSeq() {
        return request == null ? 1 : request.num("first_seq", 1);
    }

    /** Message size asked for, or -1. */
    public long size() {
        return request == null ? -1 : request.num("size", -1);
    }

    /**
     * receive_many's per_sender figures by sender id. A key that is not a decimal sender id is
     * left out: no sender the harness started has it.
     */
    public Map<Long, PerSender> perSender() {
        Map<Long, PerSender> out = new LinkedHashMap<>();
        if (finish != null) {
            for (Map.Entry<String, Object> e : finish.obj("per_sender").entrySet()) {
                try {
                    out.put(Long.parseLong(e.getKey()), PerSender.of(e.getValue() instanceof Map<?, ?> m ? m : Map.of()));
                } catch (NumberFormatException notAnId) {
                    // not a sender of this scenario
                }
            }
        }
        return out;
    }

    /** receive_many's latency_ns map (p50, p90, p99, p999, max), empty when absent or null. */
    public Map<String, Object> latencyNs() {
        return finish == null ? Map.of() : finish.obj("latency_ns");
    }
}
