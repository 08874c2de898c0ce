package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * reconnects-silently (K1): a sender whose receiver died opens the channel again behind its
 * caller's back and sends there, reporting {@code ok} instead of {@code closed}, as a client library
 * that hides reconnects does. On shm and socket the caller never learns that everything it sent
 * before was lost with the dead receiver.
 */
final class ReconnectsSilently extends ForwardingSender {

    private final ChannelSpec spec;
    private Sender current;

    static FaultyOpener opener() {
        return new FaultyOpener("reconnects-silently",
                spec -> FaultyOpener.wrapped(Channels.openSender(spec), sender -> new ReconnectsSilently(sender, spec)),
                Channels::openReceiver);
    }

    private ReconnectsSilently(Sender delegate, ChannelSpec spec) {
        super(delegate);
        this.spec = spec;
        this.current = delegate;
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        SendStatus status = current.send(message.duplicate(), timeoutNanos);
        if (status != SendStatus.CLOSED) {
            return status;
        }
        Opened<Sender> again = Channels.openSender(spec);
        if (!again.isOk()) {
            return status;
        }
        current.close();
        current = again.end();
        return current.send(message, timeoutNanos);
    }

    @Override
    public void close() {
        current.close();
    }
}
