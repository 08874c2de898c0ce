package org.ipcspec.channel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to open one end of a channel. {@code capacity} and {@code maxMessageBytes}
 * are the receiver's and become the channel's; a sender's {@code maxMessageBytes} can only lower
 * its own limit.
 *
 * @param transport       {@code shm}, {@code file} or {@code socket}
 * @param address         absolute path: a mapped file, a spool directory or a socket path
 * @param role            sender or receiver
 * @param mode            send mode of a sender, receive mode of a receiver
 * @param capacity        uncollected messages a sender may have in the channel
 * @param maxMessageBytes largest message accepted
 * @param contentType     the agreed format; a sender's must equal the channel's
 * @param senderId        unsigned 32-bit id of a sender (carried as an int)
 * @param openTimeout     how long a sender waits for a receiver to exist
 */
public record ChannelSpec(
        String transport,
        Path address,
        Role role,
        Mode mode,
        int capacity,
        int maxMessageBytes,
        String contentType,
        int senderId,
        Duration openTimeout) {

    public static final int DEFAULT_CAPACITY = 64;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 65536;
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofMillis(5000);
    /** Content types are stored in fixed-size fields of the wire formats. */
    public static final int MAX_CONTENT_TYPE_BYTES = 255;

    public ChannelSpec {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(openTimeout, "openTimeout");
        if (!address.isAbsolute()) {
            throw new IllegalArgumentException("address must be absolute: address=" + address);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: capacity=" + capacity);
        }
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1: maxMessageBytes=" + maxMessageBytes);
        }
        if (contentType.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CONTENT_TYPE_BYTES) {
            throw new IllegalArgumentException("contentType longer than " + MAX_CONTENT_TYPE_BYTES + " bytes");
        }
    }

    /** A spec with the protocol's defaults, to adjust with the {@code with*} methods. */
    public static ChannelSpec of(String transport, Path address, Role role, Mode mode) {
        return new ChannelSpec(transport, address, role, mode, DEFAULT_CAPACITY, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_CONTENT_TYPE, 1, DEFAULT_OPEN_TIMEOUT);
    }

    public ChannelSpec withCapacity(int value) {
        return new ChannelSpec(transport, address, role, mode, value, maxMessageBytes, contentType, senderId, openTimeout);
    }

    public ChannelSpec withMaxMessageBytes(int value) {
        return new ChannelSpec(transport, address, role, mode, capacity, value, contentType, senderId, openTimeout);
    }

    public ChannelSpec withContentType(String value) {
        return new ChannelSpec(transport, address, role, mode, capacity, maxMessageBytes, value, senderId, openTimeout);
    }

    public ChannelSpec withSenderId(int value) {
        return new ChannelSpec(transport, address, role, mode, capacity, maxMessageBytes, contentType, value, openTimeout);
    }

    public ChannelSpec withOpenTimeout(Duration value) {
        return new ChannelSpec(transport, address, role, mode, capacity, maxMessageBytes, contentType, senderId, value);
    }
}
