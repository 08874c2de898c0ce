package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** early-timeout (T1): blocking sends and receives given a timeout give up after a quarter of it. */
final class EarlyTimeout {

    static FaultyOpener opener() {
        return new FaultyOpener("early-timeout",
                spec -> FaultyOpener.wrapped(Channels.openSender(spec), Sending::new),
                spec -> FaultyOpener.wrapped(Channels.openReceiver(spec), Receiving::new));
    }

    private EarlyTimeout() {
    }

    static long quarter(long timeoutNanos) {
        return timeoutNanos < 0 ? timeoutNanos : timeoutNanos / 4;
    }

    private static final class Sending extends ForwardingSender {
        Sending(Sender delegate) {
            super(delegate);
        }

        @Override
        public SendStatus send(ByteBuffer message, long timeoutNanos) {
            return delegate.send(message, delegate.mode() == Mode.SYNC ? quarter(timeoutNanos) : timeoutNanos);
        }
    }

    private static final class Receiving extends ForwardingReceiver {
        Receiving(Receiver delegate) {
            super(delegate);
        }

        @Override
        public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
            return delegate.receive(into, delegate.mode() == Mode.SYNC ? quarter(timeoutNanos) : timeoutNanos);
        }
    }
}
