package org.ipcspec.endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.Sender;

/**
 * The shm channel the profiling probes ({@link RunCost}, {@link PairCost}) measure: a fresh folder
 * in /dev/shm, a synchronous receiver and an asynchronous sender (sender_id 1) of the given
 * capacity; closing it closes both ends and removes the folder.
 */
final class ShmProbeChannel implements AutoCloseable {

    /** A sink that does nothing: receive runs into it cost the transport alone. */
    static final MessageSink NOTHING = new MessageSink() {
        @Override
        public void accept(ByteBuffer message) {
        }

        @Override
        public void accept(MessageBytes message) {
        }
    };

    private final Path folder;
    private final Receiver receiver;
    private final Sender sender;

    /** @param prefix the folder's name prefix, naming the probe that left it if it is ever left */
    ShmProbeChannel(String prefix, int capacity) throws IOException {
        folder = Files.createTempDirectory(Path.of("/dev/shm"), prefix);
        Path address = folder.resolve("c");
        Receiver opened = null;
        try {
            opened = Channels.openReceiver(spec(address, Role.RECEIVER, Mode.SYNC, 0, capacity)).end();
            sender = Channels.openSender(spec(address, Role.SENDER, Mode.ASYNC, 1, capacity)).end();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            removeFolder();
            throw e;
        }
        receiver = opened;
    }

    Receiver receiver() {
        return receiver;
    }

    Sender sender() {
        return sender;
    }

    @Override
    public void close() throws IOException {
        try (receiver; sender) {
            // closed in reverse: the sender first, as a try-with-resources of the two would
        } finally {
            removeFolder();
        }
    }

    /** The channel file and the receiver's lock, then the folder. */
    private void removeFolder() throws IOException {
        try (var left = Files.list(folder)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.delete(folder);
    }

    private static ChannelSpec spec(Path address, Role role, Mode mode, int senderId, int capacity) {
        return new ChannelSpec("shm", address, role, mode, capacity, ChannelSpec.DEFAULT_MAX_MESSAGE_BYTES,
                ChannelSpec.DEFAULT_CONTENT_TYPE, senderId, Duration.ofSeconds(5));
    }
}
