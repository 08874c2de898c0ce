package org.ipcspec.harness.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.process.EndpointListener;

/**
 * Pairs a sender's sampled {@code send_begin} and {@code send_end} events by seq while recording
 * is on, keeping each message's send duration. Called on the endpoint's stdout reader thread;
 * the reply to a batch comes after all its events, so after that reply the record is complete.
 */
final class SampleRecorder implements EndpointListener {

    private final String participant;
    private final Map<Long, Long> begins = new HashMap<>();
    private String channel;
    private long[] durations = new long[1024];
    private int count;

    SampleRecorder(String participant) {
        this.participant = participant;
    }

    synchronized void start(String recordedChannel) {
        channel = recordedChannel;
        begins.clear();
        count = 0;
    }

    /** Stops recording; the durations (ns) of the messages that ended {@code ok}, in arrival order. */
    synchronized long[] stop() {
        channel = null;
        begins.clear();
        return Arrays.copyOf(durations, count);
    }

    @Override
    public synchronized void line(String from, ObjectNode line, long arrivalNanos) {
        if (channel == null || !participant.equals(from) || !"event".equals(line.path("type").asText())
                || !channel.equals(line.path("channel").asText("main"))) {
            return;
        }
        String event = line.path("event").asText();
        long seq = line.path("seq").asLong();
        long t = line.path("t").asLong();
        if (event.equals("send_begin")) {
            begins.put(seq, t);
        } else if (event.equals("send_end")) {
            Long begin = begins.remove(seq);
            if (begin != null && "ok".equals(line.path("status").asText())) {
                if (count == durations.length) {
                    durations = Arrays.copyOf(durations, count * 2);
                }
                durations[count++] = t - begin;
            }
        }
    }

    @Override
    public void requested(String from, ObjectNode request, long sentNanos) {
    }

    @Override
    public void lifecycle(String from, String what, long nanos) {
    }
}
