package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * delays-acknowledgements (LATENCY): the end that sends acknowledgements on a reply channel holds
 * every 50th of them for 40 ms, as a delayed-acknowledgement timer would (TCP's is 40 ms on Linux)
 * hoping to send it with more. Every other message goes at once, so one-way runs and a median see
 * nothing; in a request/reply batch 2% of the round trips take 40 ms, and the p99 shows them
 * against the profile's 20 ms. The harness names the reply channel's address {@code r} in the
 * scenario's folder (ScenarioWorld.address); that is how this end knows it acknowledges.
 */
final class DelaysAcknowledgements extends ForwardingSender {

    static final long HOLD_NANOS = 40_000_000L;
    static final long EVERY = 50;

    private long sends;

    static FaultyOpener opener() {
        return new FaultyOpener("delays-acknowledgements", DelaysAcknowledgements::open, Channels::openReceiver);
    }

    private static org.ipcspec.channel.Opened<Sender> open(ChannelSpec spec) {
        org.ipcspec.channel.Opened<Sender> opened = Channels.openSender(spec);
        return spec.address().getFileName().toString().equals("r") ? FaultyOpener.wrapped(opened, DelaysAcknowledgements::new) : opened;
    }

    private DelaysAcknowledgements(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (++sends % EVERY == 0) {
            Stall.nanos(HOLD_NANOS);
        }
        return delegate.send(message, timeoutNanos);
    }
}
