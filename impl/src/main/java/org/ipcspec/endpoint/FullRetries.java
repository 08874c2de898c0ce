package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Sender;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.support.Backoff;

/**
 * How a {@code send_many} meets {@code full} (docs/protocol.md#send_many): the same send is
 * retried after a back-off until the transport takes it, the session is abandoned, or, for an
 * asynchronous sender given {@code timeout_ms}, that long has passed since the first refusal;
 * the retries are counted ({@code full_retries}). One per batch.
 *
 * <p>Kept apart from the batch loop for the JIT, like {@code SendOps.sendRuns}: a sender faster
 * than its receiver spins here at every full ring, which made this loop hot enough for the JIT to
 * compile the whole batch loop around it on the stack (OSR, 0.3 s of a core) in the middle of a
 * measured batch.
 */
final class FullRetries {

    private final Session session;
    private final Backoff backoff;
    /** How long a message may stay refused; negative: for ever. */
    private final long giveUpNanos;
    private long count;

    /** @param giveUpNanos how long after its first refusal a message is given up; negative: never */
    FullRetries(Session session, Backoff backoff, long giveUpNanos) {
        this.session = session;
        this.backoff = backoff;
        this.giveUpNanos = giveUpNanos;
    }

    /** Retries {@code payload}, refused as full just now; the status it ends with ({@code full} when given up). */
    SendStatus retry(Sender sender, ByteBuffer payload, boolean more, long timeoutNanos) {
        long firstRefusal = System.nanoTime();
        SendStatus result = SendStatus.FULL;
        while (result == SendStatus.FULL && !session.abandoned()
                && !(giveUpNanos >= 0 && System.nanoTime() - firstRefusal >= giveUpNanos)) {
            count++;
            backoff.idle();
            result = SendOps.transportCall(sender, payload, more, timeoutNanos);
        }
        backoff.reset();
        return result;
    }

    long count() {
        return count;
    }
}
