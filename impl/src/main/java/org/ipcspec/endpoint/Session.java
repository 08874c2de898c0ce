package org.ipcspec.endpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.Sender;

/**
 * The request loop: takes the lines the {@link StdinPump} delivers, one at a time and in order,
 * answers each, and owns the endpoint's channel handles.
 *
 * <p>At stdin EOF (docs/protocol.md#precise-points) queued requests are dropped and output stops. If the
 * loop is idle it closes every end and finishes. If a blocking call is running, it is abandoned
 * without a reply: {@link #awaitEnd} waits {@link #ABANDON_GRACE_MILLIS} for it, then closes the
 * ends the call is not using and lets the process exit, which releases the rest (locks,
 * descriptors, mappings). An end in use by another thread is never closed under it, since a
 * transport is not thread-safe and closing a mapping under a reader could crash the JVM: an op
 * looks up its handle and marks it in use in one step ({@link #acquireSender},
 * {@link #acquireReceiver}), before it asks the end anything, and a call that comes after the
 * close is refused with status {@code closed}.
 */
final class Session implements Runnable, StdinPump.Sink {

    /** How long a call running at EOF may take to finish before it is abandoned; well under 2 s. */
    static final long ABANDON_GRACE_MILLIS = 700;
    static final String DEFAULT_CHANNEL = "main";
    /** Caps {@code timeout_ms} in nanoseconds so that deadline arithmetic cannot overflow (~73 years). */
    static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

    private static final Object END_OF_INPUT = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final LineWriter out;
    private final ChannelOpener opener;
    private final SendOps sendOps;
    private final ReceiveOps receiveOps;
    /** Guarded by this: closed from the main thread at EOF while the loop may still be blocked. */
    private final Map<String, Handle> handles = new HashMap<>();
    /** Guarded by this: the handles a running call uses (two for a request/reply batch). */
    private final Set<Handle> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Guarded by this: set by {@link #closeAll}; from then on no handle is handed out. */
    private boolean closing;
    private boolean endOfInput;
    private Integer exitCode;
    private volatile boolean abandoned;

    Session(LineWriter out, ChannelOpener opener) {
        this.out = out;
        this.opener = opener;
        this.sendOps = new SendOps(this, out);
        this.receiveOps = new ReceiveOps(this, out);
    }

    // ---- StdinPump.Sink, called on the stdin thread ----

    @Override
    public void line(byte[] line) {
        queue.add(line);
    }

    @Override
    public void oversize(long length) {
        queue.add(length);
    }

    @Override
    public void endOfInput() {
        abandoned = true;
        queue.clear();
        queue.add(END_OF_INPUT);
        synchronized (this) {
            endOfInput = true;
            notifyAll();
        }
    }

    // ---- the loop ----

    @Override
    public void run() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END_OF_INPUT || abandoned) {
                    closeAll();
                    finish(0);
                    return;
                }
                if (item instanceof byte[]) {
                    if (handle((byte[]) item)) {
                        finish(0);
                        return;
                    }
                } else {
                    out.write(JsonLine.reply(null, false).string("error", RequestException.INVALID)
                            .string("message", "line of " + item + " bytes is over the limit of "
                                    + StdinPump.MAX_LINE_BYTES + " bytes"));
                }
            }
        } catch (InterruptedException e) {
            closeAll();
            finish(0);
        } catch (Throwable t) {
            Log.warn("request loop failed", t);
            closeAll();
            finish(1);
        }
    }

    /**
     * Blocks until the loop finishes (the exit code) or stdin ends; at EOF gives a running call
     * {@link #ABANDON_GRACE_MILLIS}, then releases what it can and returns 0.
     */
    int awaitEnd() throws InterruptedException {
        synchronized (this) {
            while (exitCode == null && !endOfInput) {
                wait();
            }
            if (exitCode != null) {
                return exitCode;
            }
        }
        out.silence();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABANDON_GRACE_MILLIS);
        synchronized (this) {
            long left;
            while (exitCode == null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (exitCode != null) {
                return exitCode;
            }
        }
        Log.warn("stdin EOF while a blocking call was running; abandoning it");
        closeAll();
        return 0;
    }

    private synchronized void finish(int code) {
        if (exitCode == null) {
            exitCode = code;
        }
        notifyAll();
    }

    /** Handles one line; true when the endpoint is to exit. */
    boolean handle(byte[] line) {
        Long[] id = new Long[1];
        try {
            Request request = Request.parse(line, id);
            return dispatch(request);
        } catch (RequestException e) {
            out.write(JsonLine.reply(id[0], false).string("error", e.error()).string("message", e.getMessage()));
            return false;
        } catch (ClosingException e) {
            out.write(JsonLine.reply(id[0], true).string("status", "closed").string("message", e.getMessage()));
            return false;
        } catch (RuntimeException | OutOfMemoryError e) {
            // A bug or a broken end, not the request's fault: the operation's status is error.
            Log.warn("request failed unexpectedly: " + new String(line, 0, Math.min(line.length, 200),
                    StandardCharsets.UTF_8), e);
            out.write(JsonLine.reply(id[0], true).string("status", "error").string("message", String.valueOf(e)));
            return false;
        } finally {
            // Nothing stays in use once a request is answered, also when its op failed, or
            // answered without a transport call, before its own release.
            synchronized (this) {
                inUse.clear();
            }
        }
    }

    private boolean dispatch(Request request) throws RequestException, ClosingException {
        switch (request.op()) {
            case "open":
                open(request);
                return false;
            case "send":
                sendOps.send(request);
                return false;
            case "send_many":
                sendOps.sendMany(request);
                return false;
            case "receive":
                receiveOps.receive(request);
                return false;
            case "receive_many":
                receiveOps.receiveMany(request);
                return false;
            case "close":
                close(request);
                return false;
            case "clock":
                out.write(JsonLine.reply(request.id(), true).number("t", System.nanoTime()));
                return false;
            case "exit":
                // Released before the reply, so that whoever reads the reply finds the channels free.
                closeAll();
                out.write(JsonLine.reply(request.id(), true));
                return true;
            default:
                throw RequestException.unsupported("unknown op \"" + request.op()
                        + "\"; known: open, send, receive, send_many, receive_many, close, clock, exit");
        }
    }

    // ---- open and close ----

    private void open(Request request) throws RequestException {
        String channel = channelName(request);
        String roleName = request.requiredString("role");
        Role role;
        if ("sender".equals(roleName)) {
            role = Role.SENDER;
        } else if ("receiver".equals(roleName)) {
            role = Role.RECEIVER;
        } else {
            throw RequestException.invalid("field role must be \"sender\" or \"receiver\", not \"" + roleName + "\"");
        }
        String transport = request.requiredString("transport");
        String addressText = request.requiredString("address");
        String modeName = request.requiredString("mode");
        Path address;
        try {
            address = Path.of(addressText);
        } catch (InvalidPathException e) {
            throw RequestException.invalid("field address is not a path: " + e.getMessage());
        }
        if (!address.isAbsolute()) {
            throw RequestException.invalid("field address must be an absolute path, not \"" + addressText + "\"");
        }
        int capacity = (int) request.optionalLong("capacity", 1, Integer.MAX_VALUE, ChannelSpec.DEFAULT_CAPACITY);
        // A sender's own limit can only lower the channel's, so without one it takes the channel's.
        int maxMessageBytes = (int) request.optionalLong("max_message_bytes", 1, Integer.MAX_VALUE,
                role == Role.SENDER ? Integer.MAX_VALUE : ChannelSpec.DEFAULT_MAX_MESSAGE_BYTES);
        String contentType = request.optionalString("content_type", ChannelSpec.DEFAULT_CONTENT_TYPE);
        if (contentType.getBytes(StandardCharsets.UTF_8).length > ChannelSpec.MAX_CONTENT_TYPE_BYTES) {
            throw RequestException.invalid("field content_type is longer than " + ChannelSpec.MAX_CONTENT_TYPE_BYTES + " bytes");
        }
        long senderId = request.optionalLong("sender_id", 0, Request.MAX_U32, 1);
        long timeoutMs = request.optionalLong("timeout_ms", 0, Long.MAX_VALUE / 1_000_000, 5000);
        if (!opener.transports().contains(transport)) {
            throw RequestException.unsupported("transport \"" + transport + "\" is not offered; offered: " + opener.transports());
        }
        Mode mode;
        if ("sync".equals(modeName)) {
            mode = Mode.SYNC;
        } else if ("async".equals(modeName)) {
            mode = Mode.ASYNC;
        } else {
            throw RequestException.unsupported("mode \"" + modeName + "\" is not offered; offered: sync, async");
        }
        ChannelSpec spec = new ChannelSpec(transport, address, role, mode, capacity, maxMessageBytes, contentType,
                (int) senderId, Duration.ofMillis(timeoutMs));

        Handle previous;
        synchronized (this) {
            previous = handles.remove(channel);
        }
        if (previous != null) {
            // Opening a handle again replaces it (a sender told closed must open again).
            previous.close();
        }
        JsonLine reply = JsonLine.reply(request.id(), true);
        try {
            Handle opened;
            if (role == Role.SENDER) {
                Opened<Sender> result = opener.openSender(spec);
                opened = result.isOk() ? Handle.of(channel, result.end(), senderId) : null;
                status(reply, result);
            } else {
                Opened<Receiver> result = opener.openReceiver(spec);
                opened = result.isOk() ? Handle.of(channel, result.end()) : null;
                status(reply, result);
            }
            if (opened != null) {
                synchronized (this) {
                    handles.put(channel, opened);
                }
            }
        } catch (RuntimeException e) {
            Log.warn("open failed: channel=" + channel + " transport=" + transport + " address=" + address, e);
            reply.string("status", "io").string("message", String.valueOf(e.getMessage() != null ? e.getMessage() : e));
        }
        out.write(reply);
    }

    private static void status(JsonLine reply, Opened<?> result) {
        reply.string("status", result.status().wireName());
        if (!result.isOk()) {
            reply.string("message", result.message() != null ? result.message() : result.status().wireName());
        }
    }

    private void close(Request request) throws RequestException {
        String channel = channelName(request);
        Handle handle;
        synchronized (this) {
            handle = handles.remove(channel);
        }
        if (handle == null) {
            throw unknownChannel(channel);
        }
        JsonLine reply = JsonLine.reply(request.id(), true);
        try {
            if (handle.sender != null) {
                handle.sender.close();
            } else {
                handle.receiver.close();
            }
            reply.string("status", "ok");
        } catch (RuntimeException e) {
            Log.warn("close failed: channel=" + channel, e);
            reply.string("status", "error").string("message", String.valueOf(e.getMessage() != null ? e.getMessage() : e));
        }
        out.write(reply);
    }

    /** Closes every end not in use by a running call (at EOF all are idle unless abandoned). */
    void closeAll() {
        List<Handle> idle = new ArrayList<>();
        synchronized (this) {
            closing = true;
            for (Handle handle : handles.values()) {
                if (!inUse.contains(handle)) {
                    idle.add(handle);
                }
            }
            handles.values().removeAll(idle);
        }
        for (Handle handle : idle) {
            handle.close();
        }
    }

    // ---- shared with the ops ----

    /** Ends the use that {@link #acquireSender} or {@link #acquireReceiver} began. */
    synchronized void release(Handle handle) {
        inUse.remove(handle);
    }

    /** True once stdin has ended: a running batch stops without a reply. */
    boolean abandoned() {
        return abandoned;
    }

    /** {@code timeout_ms} in nanoseconds, or {@code absent} when the field is not given. */
    static long timeoutNanos(Request request, long absent) throws RequestException {
        if (!request.has("timeout_ms")) {
            return absent;
        }
        long ms = request.requiredLong("timeout_ms", 0, Long.MAX_VALUE);
        return ms >= MAX_TIMEOUT_NANOS / 1_000_000 ? MAX_TIMEOUT_NANOS : ms * 1_000_000;
    }

    /**
     * The request's channel handle, which must be a sender, marked in use until {@link #release}
     * (at the latest until the request is answered); resolved after the other fields are checked.
     */
    Handle acquireSender(Request request) throws RequestException, ClosingException {
        return acquire(request, Role.SENDER);
    }

    /** As {@link #acquireSender}, for a receiver. */
    Handle acquireReceiver(Request request) throws RequestException, ClosingException {
        return acquire(request, Role.RECEIVER);
    }

    /**
     * Looks the handle up and marks it in use in one step under the lock that {@link #closeAll}
     * takes, so the close either released it before (and the call is refused) or leaves it alone.
     */
    private Handle acquire(Request request, Role role) throws RequestException, ClosingException {
        return acquire(channelName(request), role, request.op());
    }

    /**
     * The handle named {@code channel}, which must have {@code role}, marked in use as
     * {@link #acquireSender} does: for the second end of a call, e.g. the reply channel of a
     * request/reply batch.
     */
    Handle acquire(String channel, Role role, String op) throws RequestException, ClosingException {
        synchronized (this) {
            if (closing) {
                throw new ClosingException("the endpoint is closing (stdin ended or exit): channel \"" + channel
                        + "\" was released");
            }
            Handle handle = handles.get(channel);
            if (handle != null && (role == Role.SENDER) == (handle.sender != null)) {
                inUse.add(handle);
                return handle;
            }
            if (handle == null) {
                throw unknownChannel(channel);
            }
            throw RequestException.invalid("channel \"" + channel + "\" is a " + handle.role() + "; " + op
                    + " needs a " + (role == Role.SENDER ? "sender" : "receiver"));
        }
    }

    private RequestException unknownChannel(String channel) {
        List<String> open;
        synchronized (this) {
            open = new ArrayList<>(handles.keySet());
        }
        return RequestException.invalid("unknown channel \"" + channel + "\"; open: " + open);
    }

    private static String channelName(Request request) throws RequestException {
        return request.optionalString("channel", DEFAULT_CHANNEL);
    }
}
