package org.ipcspec.harness.faults;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.endpoint.ChannelOpener;

/**
 * Opens channel ends with the real transports, as the reference endpoint does, except where one
 * fault steps in. The protocol loop ({@link org.ipcspec.endpoint.Endpoint#run}) is the reference's,
 * so a faulty endpoint differs from the reference in that one fault and nothing else.
 */
final class FaultyOpener implements ChannelOpener {

    private final String fault;
    private final Function<ChannelSpec, Opened<Sender>> senders;
    private final Function<ChannelSpec, Opened<Receiver>> receivers;

    FaultyOpener(String fault, Function<ChannelSpec, Opened<Sender>> senders, Function<ChannelSpec, Opened<Receiver>> receivers) {
        this.fault = fault;
        this.senders = senders;
        this.receivers = receivers;
    }

    /** Another fault's ends under this fault's name (a fault whose lie is elsewhere). */
    FaultyOpener(String fault, FaultyOpener ends) {
        this(fault, ends.senders, ends.receivers);
    }

    /** Real ends, no fault: the control. */
    static FaultyOpener none() {
        return new FaultyOpener("none", Channels::openSender, Channels::openReceiver);
    }

    /** Every sender opened is wrapped; receivers are the real ones. */
    static FaultyOpener senders(String fault, UnaryOperator<Sender> wrap) {
        return new FaultyOpener(fault, spec -> wrapped(Channels.openSender(spec), wrap), Channels::openReceiver);
    }

    /** Every receiver opened is wrapped; senders are the real ones. */
    static FaultyOpener receivers(String fault, UnaryOperator<Receiver> wrap) {
        return new FaultyOpener(fault, Channels::openSender, spec -> wrapped(Channels.openReceiver(spec), wrap));
    }

    /** Senders opened on {@code transport} are wrapped; every other end is the real one. */
    static FaultyOpener sendersOn(String fault, String transport, UnaryOperator<Sender> wrap) {
        return new FaultyOpener(fault, spec -> spec.transport().equals(transport) ? wrapped(Channels.openSender(spec), wrap)
                : Channels.openSender(spec), Channels::openReceiver);
    }

    /** Receivers opened on {@code transport} are wrapped; every other end is the real one. */
    static FaultyOpener receiversOn(String fault, String transport, UnaryOperator<Receiver> wrap) {
        return new FaultyOpener(fault, Channels::openSender, spec -> spec.transport().equals(transport)
                ? wrapped(Channels.openReceiver(spec), wrap) : Channels.openReceiver(spec));
    }

    /** The end of an open that succeeded, wrapped; a refusal as it was. */
    static <T extends AutoCloseable> Opened<T> wrapped(Opened<T> opened, UnaryOperator<T> wrap) {
        return opened.isOk() ? Opened.ok(wrap.apply(opened.end())) : opened;
    }

    static ChannelSpec withMode(ChannelSpec spec, Mode mode) {
        return new ChannelSpec(spec.transport(), spec.address(), spec.role(), mode, spec.capacity(), spec.maxMessageBytes(),
                spec.contentType(), spec.senderId(), spec.openTimeout());
    }

    String fault() {
        return fault;
    }

    /** Named for the fault, so a report shows which faulty endpoint it ran. */
    @Override
    public String implementation() {
        return "ipcspec-faulty-" + fault;
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        return senders.apply(spec);
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        return receivers.apply(spec);
    }
}
