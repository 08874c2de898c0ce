package org.ipcspec.endpoint;

/**
 * Runs: the messages a {@code send_many} hands to its transport in one call
 * ({@code Sender.sendRun}), or a {@code receive_many} takes from it in one call
 * ({@code Receiver.receiveReady}), and which share one clock reading
 * (docs/protocol.md#clock-readings). A message that must be described in its own events (a sampled
 * one) goes alone, as does the closing message of a send batch, a plain send.
 */
final class Runs {

    /** The most messages of a run, and so the most one clock reading stands for. */
    static final int MAX_MESSAGES = 64;

    /**
     * What a loop of runs did: how many messages went (or were taken), and the transport's
     * failure that ended it, if one did: those before the failure still count.
     */
    record Progress(long messages, RuntimeException failure) {

        static final Progress NONE = new Progress(0, null);
    }

    private Runs() {
    }

    /**
     * How many messages from message {@code i} (1-based) of a send batch of {@code count} may go
     * as one run: none sampled and not the last; 0 (a run of one is no run) means send message
     * {@code i} alone.
     */
    static int sendLength(long i, long count, long sampleEvery) {
        long limit = Math.min(MAX_MESSAGES, count - i);
        if (sampleEvery > 0) {
            long nextSampled = (i + sampleEvery - 1) / sampleEvery * sampleEvery;
            limit = Math.min(limit, nextSampled - i);
        }
        return limit > 1 ? (int) limit : 0;
    }

    /**
     * How many messages a receive batch that has {@code received} of {@code count} may take as its
     * next run: those still wanted, none from the next sampled message on; 0 means receive the
     * next alone.
     */
    static int receiveLength(long received, long count, long sampleEvery) {
        long limit = Math.min(MAX_MESSAGES, count - received);
        if (sampleEvery > 0) {
            long nextSampled = (received / sampleEvery + 1) * sampleEvery;
            limit = Math.min(limit, nextSampled - 1 - received);
        }
        return (int) limit;
    }
}
