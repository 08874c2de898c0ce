package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** never-full (S2): an asynchronous send that finds the channel full reports {@code ok}, and the message is lost. */
final class NeverFull extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("never-full", NeverFull::new);
    }

    private NeverFull(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        SendStatus status = delegate.send(message, timeoutNanos);
        return status == SendStatus.FULL ? SendStatus.OK : status;
    }
}
