package org.ipcspec.channel;

/**
 * One way of carrying messages between processes. Implementations are stateless factories;
 * each end they open owns its own resources.
 */
public interface Transport {

    /** The protocol name: {@code shm}, {@code file} or {@code socket}. */
    String name();

    /**
     * Creates the channel at {@code spec.address()} and owns it. A live receiver already there
     * gives {@link OpenStatus#BUSY}; leftovers of a dead one are taken over (file: with their
     * messages; shm and socket: reset).
     */
    Opened<Receiver> openReceiver(ChannelSpec spec);

    /**
     * Attaches to the channel, waiting up to {@code spec.openTimeout()} for a live receiver
     * ({@link OpenStatus#NOT_FOUND} after). A different content type gives
     * {@link OpenStatus#FORMAT_MISMATCH}.
     */
    Opened<Sender> openSender(ChannelSpec spec);
}
