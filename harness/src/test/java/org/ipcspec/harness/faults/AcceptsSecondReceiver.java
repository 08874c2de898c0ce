package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * accepts-second-receiver (X1): a receiver refused with {@code busy} is reported opened anyway;
 * the end it gets is attached to nothing (it never collects a message).
 */
final class AcceptsSecondReceiver implements Receiver {

    private final ChannelSpec spec;

    static FaultyOpener opener() {
        return new FaultyOpener("accepts-second-receiver", Channels::openSender, spec -> {
            Opened<Receiver> opened = Channels.openReceiver(spec);
            return opened.status() == OpenStatus.BUSY ? Opened.ok(new AcceptsSecondReceiver(spec)) : opened;
        });
    }

    /** accepts-second-receiver-on-socket (X1): the same, on the socket transport alone. */
    static FaultyOpener onSocket() {
        return new FaultyOpener("accepts-second-receiver-on-socket", Channels::openSender, spec -> {
            Opened<Receiver> opened = Channels.openReceiver(spec);
            return opened.status() == OpenStatus.BUSY && spec.transport().equals("socket")
                    ? Opened.ok(new AcceptsSecondReceiver(spec)) : opened;
        });
    }

    private AcceptsSecondReceiver(ChannelSpec spec) {
        this.spec = spec;
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (spec.mode() == Mode.ASYNC) {
            return ReceiveStatus.EMPTY;
        }
        Stall.nanos(timeoutNanos);
        return ReceiveStatus.TIMEOUT;
    }

    @Override
    public Mode mode() {
        return spec.mode();
    }

    @Override
    public int capacity() {
        return spec.capacity();
    }

    @Override
    public int maxMessageBytes() {
        return spec.maxMessageBytes();
    }

    @Override
    public String contentType() {
        return spec.contentType();
    }

    @Override
    public void close() {
    }
}
