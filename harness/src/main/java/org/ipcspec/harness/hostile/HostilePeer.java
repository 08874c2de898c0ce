package org.ipcspec.harness.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness as a hostile peer of one scenario: it writes into the channel, at its address, what
 * the transport's wire format forbids (rule H1, docs/protocol.md#rules), and keeps what it opened
 * (a socket connection) until {@link #close()}.
 */
public final class HostilePeer implements AutoCloseable {

    /** The protocol's default content type, which a channel opened without one has. */
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final List<SocketChannel> open = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    /**
     * @param contentType the channel's content type, or null for the protocol's default
     * @return a description of what was written, naming the bytes that break the format
     */
    public String write(HostileWrite what, String transport, Path address, String contentType) {
        if (!what.transport().equals(transport)) {
            throw new IllegalArgumentException(what.words() + " breaks the " + what.transport() + " wire format; this is a "
                    + transport + " channel");
        }
        try {
            String said = switch (transport) {
                case "shm" -> HostileRing.write(address, what);
                case "file" -> HostileSpool.write(address, what);
                case "socket" -> {
                    StringBuilder b = new StringBuilder();
                    open.add(HostileSocket.write(address, contentType == null ? DEFAULT_CONTENT_TYPE : contentType, b));
                    yield b.toString();
                }
                default -> throw new IllegalArgumentException("no hostile peer for transport " + transport);
            };
            written.add(said);
            return said;
        } catch (IOException e) {
            throw new UncheckedIOException("the hostile peer could not write " + what.words() + " at " + address + ": " + e.getMessage(), e);
        }
    }

    /** What was written so far, oldest first. */
    public List<String> written() {
        return List.copyOf(written);
    }

    @Override
    public void close() {
        for (SocketChannel socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
        }
        open.clear();
    }
}
