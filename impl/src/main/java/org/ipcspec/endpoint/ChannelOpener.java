package org.ipcspec.endpoint;

import java.util.List;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;

/**
 * What the protocol loop opens channel ends with. The reference endpoint uses {@link #CHANNELS};
 * a test-side endpoint can wrap the ends it returns (with deliberate faults, say) and reuse the
 * whole protocol loop through {@link Endpoint#run}.
 */
public interface ChannelOpener {

    /** The library's transports, through {@link Channels}. */
    ChannelOpener CHANNELS = new ChannelOpener() {
    };

    /** {@code implementation} in {@code hello}: the implementation's own name. */
    default String implementation() {
        return "ipcspec-reference";
    }

    /** {@code version} in {@code hello}. */
    default String version() {
        return "0.1.0";
    }

    /**
     * {@code transports} in {@code hello}; an open naming any other transport is {@code unsupported}.
     * Listed here rather than asked of {@link Channels} so that {@code hello} does not wait for
     * the transports' classes to load.
     */
    default List<String> transports() {
        return List.of("shm", "file", "socket");
    }

    default Opened<Sender> openSender(ChannelSpec spec) {
        return Channels.openSender(spec);
    }

    default Opened<Receiver> openReceiver(ChannelSpec spec) {
        return Channels.openReceiver(spec);
    }
}
