package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ipcspec.channel.Channels;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * loses-across-pause (O2): an endpoint that notices it was stopped (its clock jumped while a
 * ticking thread slept, as a real one notices a stale session) and then drops one message: a sender
 * reports the next send {@code ok} without writing it, a receiver throws away the next message it
 * collects and waits for another. Between pauses it is the reference.
 */
final class LosesAcrossPause {

    /** A tick late by more than this means the process was stopped (or the machine badly overloaded). */
    static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private static final AtomicBoolean WOKE = new AtomicBoolean();

    static {
        Thread ticker = new Thread(LosesAcrossPause::tick, "pause-detector");
        ticker.setDaemon(true);
        ticker.start();
    }

    private LosesAcrossPause() {
    }

    static FaultyOpener opener() {
        return new FaultyOpener("loses-across-pause",
                spec -> FaultyOpener.wrapped(Channels.openSender(spec), LosingSender::new),
                spec -> FaultyOpener.wrapped(Channels.openReceiver(spec), LosingReceiver::new));
    }

    private static void tick() {
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - last > GAP_NANOS) {
                WOKE.set(true);
            }
            last = now;
        }
    }

    /** True once after each pause noticed. */
    static boolean justWoke() {
        return WOKE.getAndSet(false);
    }

    private static final class LosingSender extends ForwardingSender {
        LosingSender(Sender delegate) {
            super(delegate);
        }

        @Override
        public SendStatus send(ByteBuffer message, long timeoutNanos) {
            return justWoke() ? SendStatus.OK : delegate.send(message, timeoutNanos);
        }
    }

    private static final class LosingReceiver extends ForwardingReceiver {
        LosingReceiver(Receiver delegate) {
            super(delegate);
        }

        @Override
        public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
            ReceiveStatus status = delegate.receive(into, timeoutNanos);
            if (status == ReceiveStatus.MESSAGE && justWoke()) {
                into.clear();
                status = delegate.receive(into, timeoutNanos);
            }
            return status;
        }
    }

}
