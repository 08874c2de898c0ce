package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;

/**
 * sync-send-returns-early (S1): a synchronous sender that is an asynchronous one underneath. It
 * waits for room as a synchronous send should, but returns {@code ok} once the message is written
 * instead of once it is collected.
 */
final class SyncSendReturnsEarly extends ForwardingSender {

    static FaultyOpener opener() {
        return new FaultyOpener("sync-send-returns-early",
                spec -> spec.mode() == Mode.SYNC
                        ? FaultyOpener.wrapped(Channels.openSender(FaultyOpener.withMode(spec, Mode.ASYNC)), SyncSendReturnsEarly::new)
                        : Channels.openSender(spec),
                Channels::openReceiver);
    }

    private SyncSendReturnsEarly(Sender asyncSender) {
        super(asyncSender);
    }

    @Override
    public Mode mode() {
        return Mode.SYNC;
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        Deadline deadline = Deadline.after(timeoutNanos);
        Backoff backoff = new Backoff();
        while (true) {
            SendStatus status = delegate.send(message, timeoutNanos);
            if (status != SendStatus.FULL) {
                return status;
            }
            if (deadline.expired()) {
                return SendStatus.TIMEOUT;
            }
            backoff.idle();
        }
    }
}
