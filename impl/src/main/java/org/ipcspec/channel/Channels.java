package org.ipcspec.channel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ipcspec.channel.file.FileTransport;
import org.ipcspec.channel.shm.ShmTransport;
import org.ipcspec.channel.socket.SocketTransport;

/** The entry point: find a transport by name and open channel ends. */
public final class Channels {

    private static final List<Transport> TRANSPORTS =
            List.of(new ShmTransport(), new FileTransport(), new SocketTransport());
    private static final Map<String, Transport> BY_NAME =
            TRANSPORTS.stream().collect(Collectors.toUnmodifiableMap(Transport::name, Function.identity()));

    private Channels() {
    }

    /** Transport names in the order the endpoint announces them. */
    public static List<String> transportNames() {
        return TRANSPORTS.stream().map(Transport::name).toList();
    }

    /** The transport of that name, or null when there is none. */
    public static Transport transport(String name) {
        return BY_NAME.get(name);
    }

    public static Opened<Receiver> openReceiver(ChannelSpec spec) {
        requireRole(spec, Role.RECEIVER);
        return require(spec.transport()).openReceiver(spec);
    }

    public static Opened<Sender> openSender(ChannelSpec spec) {
        requireRole(spec, Role.SENDER);
        return require(spec.transport()).openSender(spec);
    }

    private static Transport require(String name) {
        Transport transport = BY_NAME.get(name);
        if (transport == null) {
            throw new IllegalArgumentException("unknown transport: transport=" + name + " known=" + transportNames());
        }
        return transport;
    }

    private static void requireRole(ChannelSpec spec, Role role) {
        if (spec.role() != role) {
            throw new IllegalArgumentException("spec is for a " + spec.role().wireName() + ", not a " + role.wireName());
        }
    }
}
