package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * swallows-write-errors (O2): the sender reports {@code ok} for a send the transport failed (a
 * full disk's ENOSPC), as code that ignores what write(2) returned does: the message is lost.
 */
final class SwallowsWriteErrors extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("swallows-write-errors", SwallowsWriteErrors::new);
    }

    private SwallowsWriteErrors(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        try {
            return delegate.send(message, timeoutNanos);
        } catch (ChannelException e) {
            return SendStatus.OK;
        }
    }
}
