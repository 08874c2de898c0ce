package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;

/**
 * The two halves of a request/reply batch (docs/protocol.md#send_many, {@code reply_channel}, and
 * docs/protocol.md#receive_many, {@code ack_channel}): the sender awaits the acknowledgement of
 * each message on its reply end before it sends the next; the receiver acknowledges each message
 * it collects by sending the same seq and size back. The caller's back-off is reused, so a
 * message costs no allocation here.
 */
final class Acknowledgements {

    private Acknowledgements() {
    }

    /**
     * Waits on {@code replies} for the acknowledgement of {@code seq}: a synchronous end receives
     * once, an asynchronous one polls until the deadline. Returns null when it came, else why not
     * (a status such as {@code timeout} or {@code closed}, or an acknowledgement of another seq).
     */
    static String await(Receiver replies, ByteBuffer buffer, long seq, long timeoutNanos, Backoff backoff) {
        Deadline deadline = Deadline.after(timeoutNanos);
        boolean sync = replies.mode() == Mode.SYNC;
        backoff.reset();
        while (true) {
            ReceiveStatus status = replies.receive(buffer, sync ? deadline.remainingNanos() : 0);
            if (status == ReceiveStatus.MESSAGE) {
                if (!Payload.isGenerated(buffer) || !Payload.hasHeader(buffer)) {
                    return "the acknowledgement of seq " + seq + " is not a generated payload";
                }
                long acked = Payload.seq(buffer);
                return acked == seq ? null : "the acknowledgement of seq " + seq + " came for seq " + acked;
            }
            if (status != ReceiveStatus.EMPTY) {
                return status.wireName();
            }
            if (deadline.expired()) {
                return ReceiveStatus.TIMEOUT.wireName();
            }
            backoff.idle();
        }
    }

    /**
     * Acknowledges the message in {@code received} (a generated payload) on {@code acks}: the same
     * seq and size, with the acknowledging end's sender id and the time now as sent_t. {@code full}
     * is retried until the deadline (the sender of the requests takes one acknowledgement per
     * message, so the reply channel drains unless it has gone). Returns the send's status.
     */
    static SendStatus acknowledge(Sender acks, ByteBuffer ack, long senderId, ByteBuffer received, Deadline deadline,
                                  Backoff backoff) {
        Payload.write(ack, Payload.seq(received), senderId, received.remaining());
        Payload.putSentT(ack, System.nanoTime());
        backoff.reset();
        SendStatus status = acks.send(ack, deadline.isNever() ? Sender.FOREVER : deadline.remainingNanos());
        while (status == SendStatus.FULL && !deadline.expired()) {
            backoff.idle();
            status = acks.send(ack, deadline.isNever() ? Sender.FOREVER : deadline.remainingNanos());
        }
        return status;
    }
}
