package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** too-large-accepted (F1): a message over the limit is reported sent {@code ok}; nothing is written. */
final class TooLargeAccepted extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("too-large-accepted", TooLargeAccepted::new);
    }

    private TooLargeAccepted(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        SendStatus status = delegate.send(message, timeoutNanos);
        return status == SendStatus.TOO_LARGE ? SendStatus.OK : status;
    }
}
