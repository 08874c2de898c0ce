package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * delivers-garbage (H1): where the reference reports a corrupt record as an error, this receiver
 * hands the application bytes as if they were a message, as a reader that trusts whatever is in
 * the ring would.
 */
final class DeliversGarbage extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("delivers-garbage", DeliversGarbage::new);
    }

    private DeliversGarbage(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        try {
            return delegate.receive(into, timeoutNanos);
        } catch (ChannelException e) {
            into.clear();
            into.put("garbage from a corrupt record".getBytes(StandardCharsets.US_ASCII)).flip();
            return ReceiveStatus.MESSAGE;
        }
    }
}
