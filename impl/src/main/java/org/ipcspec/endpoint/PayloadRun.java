package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.MessageSource;
import org.ipcspec.channel.WritableMessageBytes;

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
    /** The sent_t of the first run it was pointed at: the batch's first_t when that run went. */
    private long firstSentT = SendOps.NO_TIME;

    PayloadRun(long senderId, int size) {
        Payload.checkSize(size);
        this.senderId = senderId;
        this.size = size;
    }

    /** The next run: its first seq and its messages' sent_t. */
    PayloadRun from(long firstSeq, long sentT) {
        this.firstSeq = firstSeq;
        this.sentT = sentT;
        if (firstSentT == SendOps.NO_TIME) {
            firstSentT = sentT;
        }
        return this;
    }

    long firstSentT() {
        return firstSentT;
    }

    int size() {
        return size;
    }

    @Override
    public void write(int index, ByteBuffer target, int at) {
        Payload.write(target, at, firstSeq + index, senderId, size, sentT);
    }

    @Override
    public void write(int index, WritableMessageBytes target) {
        Payload.write(target, firstSeq + index, senderId, size, sentT);
    }
}
