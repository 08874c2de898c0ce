package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * ignores-receiver-death (K1): a synchronous send that learns its receiver is gone does not say
 * {@code closed}; it goes on waiting, until its timeout if it has one (then {@code timeout}),
 * else for ever.
 */
final class IgnoresReceiverDeath extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("ignores-receiver-death", IgnoresReceiverDeath::new);
    }

    /** ignores-receiver-death-on-socket (K1): the same, on the socket transport alone. */
    static FaultyOpener onSocket() {
        return FaultyOpener.sendersOn("ignores-receiver-death-on-socket", "socket", IgnoresReceiverDeath::new);
    }

    private IgnoresReceiverDeath(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        long begin = System.nanoTime();
        SendStatus status = delegate.send(message, timeoutNanos);
        if (status != SendStatus.CLOSED || delegate.mode() != Mode.SYNC) {
            return status;
        }
        Stall.nanos(timeoutNanos < 0 ? -1 : Math.max(0, timeoutNanos - (System.nanoTime() - begin)));
        return SendStatus.TIMEOUT;
    }
}
