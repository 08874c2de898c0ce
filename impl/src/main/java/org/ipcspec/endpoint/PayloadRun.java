package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.MessageSource;

/**
 * The generated payloads of a run of consecutive seqs (docs/protocol.md#generated-payloads), all
 * stamped with the one clock reading taken before the run (docs/protocol.md#clock-readings),
 * written wherever the sender puts them ({@code Sender.sendRun}). One per {@code send_many},
 * pointed at each run in turn.
 */
final class PayloadRun implements MessageSource {

    private final long senderId;
    private final int size;
    private long firstSeq;
    private long sentT;

    PayloadRun(long senderId, int size) {
        Payload.checkSize(size);
        this.senderId = senderId;
        this.size = size;
    }

    /** The next run: its first seq and its messages' sent_t. */
    PayloadRun from(long firstSeq, long sentT) {
        this.firstSeq = firstSeq;
        this.sentT = sentT;
        return this;
    }

    @Override
    public void write(int index, ByteBuffer target, int at) {
        Payload.write(target, at, firstSeq + index, senderId, size, sentT);
    }
}
