package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.MessageSource;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Deadline;

/**
 * A channel opener with one in-process transport, {@code mem}, for driving the protocol loop
 * without the real transports (and an example of reusing {@link Endpoint#run} with another
 * {@link ChannelOpener}). Good enough for tests: one receiver per address, FIFO, per-channel
 * capacity; a synchronous send waits until its message is collected. With {@code runs} its ends
 * also send and collect in runs ({@code Sender.sendRun}, {@code Receiver.receiveReady}), as the
 * shm and socket ends do; without, one message a call, as the defaults do.
 */
final class InMemoryOpener implements ChannelOpener {

    private final ConcurrentHashMap<Path, Channel> channels = new ConcurrentHashMap<>();
    private final boolean runs;
    /** A run that would start once its end's runs have moved this many messages fails (a transport error). */
    private long runsFailAfter = Long.MAX_VALUE;

    InMemoryOpener() {
        this(true);
    }

    InMemoryOpener(boolean runs) {
        this.runs = runs;
    }

    /** Makes the runs of each end opened from now on fail, {@link ChannelException}, once they have moved {@code messages}. */
    InMemoryOpener runsFailingAfter(long messages) {
        runsFailAfter = messages;
        return this;
    }

    @Override
    public String implementation() {
        return "ipcspec-in-memory";
    }

    @Override
    public List<String> transports() {
        return List.of("mem");
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        Channel fresh = new Channel(spec);
        Channel existing = channels.putIfAbsent(spec.address(), fresh);
        if (existing != null && !existing.closed) {
            return Opened.refused(OpenStatus.BUSY, "a receiver owns " + spec.address());
        }
        if (existing != null) {
            channels.put(spec.address(), fresh);
        }
        return Opened.ok(new MemReceiver(fresh, spec.mode(), runs, new RunsMoved(runsFailAfter)));
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        Deadline deadline = Deadline.after(spec.openTimeout().toNanos());
        while (true) {
            Channel channel = channels.get(spec.address());
            if (channel != null && !channel.closed) {
                if (!channel.contentType.equals(spec.contentType())) {
                    return Opened.refused(OpenStatus.FORMAT_MISMATCH,
                            "channel=" + channel.contentType + " sender=" + spec.contentType());
                }
                return Opened.ok(new MemSender(channel, spec.mode(), Math.min(spec.maxMessageBytes(), channel.maxMessageBytes), runs,
                        new RunsMoved(runsFailAfter)));
            }
            if (deadline.expired()) {
                return Opened.refused(OpenStatus.NOT_FOUND, "no receiver at " + spec.address());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static final class Message {
        final byte[] bytes;
        final long ticket;

        Message(byte[] bytes, long ticket) {
            this.bytes = bytes;
            this.ticket = ticket;
        }
    }

    /** The messages one end's runs have moved, and the count at which its next run fails. */
    private static final class RunsMoved {
        private final long failAfter;
        private long moved;

        RunsMoved(long failAfter) {
            this.failAfter = failAfter;
        }

        void beforeRun() {
            if (moved >= failAfter) {
                throw new ChannelException("injected transport failure after " + moved + " messages in runs");
            }
        }

        int after(int n) {
            moved += n;
            return n;
        }
    }

    private static final class Channel {
        final LinkedBlockingQueue<Message> queue;
        final int maxMessageBytes;
        final String contentType;
        final AtomicLong tickets = new AtomicLong();
        volatile long collected;
        volatile boolean closed;

        Channel(ChannelSpec spec) {
            this.queue = new LinkedBlockingQueue<>(spec.capacity());
            this.maxMessageBytes = spec.maxMessageBytes();
            this.contentType = spec.contentType();
        }
    }

    private static final class MemSender implements Sender {
        private final Channel channel;
        private final Mode mode;
        private final int maxMessageBytes;
        private final boolean runs;
        private final RunsMoved moved;

        MemSender(Channel channel, Mode mode, int maxMessageBytes, boolean runs, RunsMoved moved) {
            this.channel = channel;
            this.mode = mode;
            this.maxMessageBytes = maxMessageBytes;
            this.runs = runs;
            this.moved = moved;
        }

        @Override
        public int sendRun(MessageSource source, int size, int count) {
            if (!runs || mode != Mode.ASYNC || channel.closed || size > maxMessageBytes) {
                return 0;
            }
            moved.beforeRun();
            int sent = 0;
            while (sent < count && channel.queue.remainingCapacity() > 0) {
                ByteBuffer message = ByteBuffer.allocate(size);
                source.write(sent, message, 0);
                channel.queue.add(new Message(message.array(), channel.tickets.incrementAndGet()));
                sent++;
            }
            return moved.after(sent);
        }

        @Override
        public SendStatus send(ByteBuffer message, long timeoutNanos) {
            if (message.remaining() > maxMessageBytes) {
                return SendStatus.TOO_LARGE;
            }
            if (channel.closed) {
                return SendStatus.CLOSED;
            }
            byte[] bytes = new byte[message.remaining()];
            message.duplicate().get(bytes);
            Message m = new Message(bytes, channel.tickets.incrementAndGet());
            if (mode == Mode.ASYNC) {
                return channel.queue.offer(m) ? SendStatus.OK : SendStatus.FULL;
            }
            Deadline deadline = Deadline.after(timeoutNanos);
            try {
                if (!channel.queue.offer(m, deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                    return SendStatus.TIMEOUT;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendStatus.CLOSED;
            }
            while (channel.collected < m.ticket) {
                if (channel.closed) {
                    return SendStatus.CLOSED;
                }
                if (deadline.expired()) {
                    return SendStatus.TIMEOUT;
                }
                LockSupport.parkNanos(100_000);
            }
            return SendStatus.OK;
        }

        @Override
        public Mode mode() {
            return mode;
        }

        @Override
        public int maxMessageBytes() {
            return maxMessageBytes;
        }

        @Override
        public void close() {
        }
    }

    private static final class MemReceiver implements Receiver {
        private final Channel channel;
        private final Mode mode;
        private final boolean runs;
        private final RunsMoved moved;

        MemReceiver(Channel channel, Mode mode, boolean runs, RunsMoved moved) {
            this.channel = channel;
            this.mode = mode;
            this.runs = runs;
            this.moved = moved;
        }

        @Override
        public int receiveReady(ByteBuffer into, MessageSink sink, int max) {
            if (!runs || channel.closed) {
                return 0;
            }
            moved.beforeRun();
            int n = 0;
            for (Message m; n < max && (m = channel.queue.poll()) != null; n++) {
                channel.collected = m.ticket;
                into.clear();
                into.put(m.bytes).flip();
                sink.accept(into);
            }
            return moved.after(n);
        }

        @Override
        public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
            if (channel.closed) {
                return ReceiveStatus.CLOSED;
            }
            Message m;
            try {
                if (mode == Mode.ASYNC) {
                    m = channel.queue.poll();
                } else if (timeoutNanos < 0) {
                    m = channel.queue.take();
                } else {
                    m = channel.queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ReceiveStatus.CLOSED;
            }
            if (m == null) {
                return mode == Mode.ASYNC ? ReceiveStatus.EMPTY : ReceiveStatus.TIMEOUT;
            }
            channel.collected = m.ticket;
            into.clear();
            into.put(m.bytes).flip();
            return ReceiveStatus.MESSAGE;
        }

        @Override
        public Mode mode() {
            return mode;
        }

        @Override
        public int capacity() {
            return channel.queue.remainingCapacity() + channel.queue.size();
        }

        @Override
        public int maxMessageBytes() {
            return channel.maxMessageBytes;
        }

        @Override
        public String contentType() {
            return channel.contentType;
        }

        @Override
        public void close() {
            channel.closed = true;
        }
    }
}
