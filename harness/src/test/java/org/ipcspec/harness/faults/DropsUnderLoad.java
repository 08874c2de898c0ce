package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * drops-under-load (O2): correct for the first thousand sends of a channel end, then it skips one
 * message in every 200 and reports it sent {@code ok}; only bulk runs see it. A receive_many then
 * waits for messages that never come: the run must be judged as soon as the sender has finished.
 */
final class DropsUnderLoad extends ForwardingSender {

    static final int CORRECT_FOR = 1000;
    static final int EVERY = 200;

    private long sends;

    static FaultyOpener opener() {
        return FaultyOpener.senders("drops-under-load", DropsUnderLoad::new);
    }

    private DropsUnderLoad(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (++sends > CORRECT_FOR && sends % EVERY == 0) {
            return SendStatus.OK;
        }
        return delegate.send(message, timeoutNanos);
    }
}
