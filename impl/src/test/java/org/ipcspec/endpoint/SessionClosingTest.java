package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The end-of-input close against a call that has looked up its handle but not started the
 * transport call yet: the close must not release the end under the call, and a call that comes
 * after the close is refused with {@code closed}.
 *
 * <p>The window is made deterministic with a gate: the ends' {@code mode()} and
 * {@code maxMessageBytes()}, which the ops ask while they build the call, block once armed until
 * the test has run the close that {@link Session#awaitEnd} runs after its grace.
 */
class SessionClosingTest {

    private static final long BOUND_SECONDS = 10;
    private static final String OPEN_RECEIVER =
            "{\"id\":1,\"op\":\"open\",\"role\":\"receiver\",\"transport\":\"mem\",\"address\":\"/mem/c1\",\"mode\":\"async\",\"capacity\":4}";
    private static final String OPEN_SENDER =
            "{\"id\":1,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"/mem/c1\",\"mode\":\"async\"}";

    private final InMemoryOpener memory = new InMemoryOpener();
    private final Gate gate = new Gate();
    private final ExecutorService loop = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopLoop() throws InterruptedException {
        gate.open();
        loop.shutdownNow();
        assertTrue(loop.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS), "the loop thread ended");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "receive|receiver|{\"id\":2,\"op\":\"receive\"}|empty",
            "receive_many|receiver|{\"id\":2,\"op\":\"receive_many\",\"count\":1,\"timeout_ms\":0}|timeout",
            "send_many|sender|{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":1,\"size\":64}|ok",
    })
    void closeAtEndOfInputLeavesAnEndInUseAloneAndRefusesLaterCalls(String op, String role, String request,
                                                                    String status) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Session session = new Session(new LineWriter(bytes), new GatedOpener());
        ByteArrayOutputStream otherBytes = new ByteArrayOutputStream();
        Session other = new Session(new LineWriter(otherBytes), memory);
        if (role.equals("receiver")) {
            session.handle(OPEN_RECEIVER.getBytes(StandardCharsets.UTF_8));
        } else {
            other.handle(OPEN_RECEIVER.getBytes(StandardCharsets.UTF_8));
            session.handle(OPEN_SENDER.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("ok", lastReply(bytes).get("status"), "opened");

        gate.arm();
        Future<Boolean> call = loop.submit(() -> session.handle(request.getBytes(StandardCharsets.UTF_8)));
        assertTrue(gate.entered.await(BOUND_SECONDS, TimeUnit.SECONDS), op + " reached the gate");
        session.closeAll(); // what awaitEnd does once the grace has passed
        gate.open();
        call.get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertFalse(gate.usedAfterClose, op + " ran on an end the close had released under it");
        assertEquals(status, lastReply(bytes).get("status"), op + " ran on its open end");

        session.handle(request.replace("\"id\":2", "\"id\":3").getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = lastReply(bytes);
        assertEquals(3L, refused.get("id"));
        assertEquals(true, refused.get("ok"), refused.toString());
        assertEquals("closed", refused.get("status"), refused.toString());
        assertTrue(String.valueOf(refused.get("message")).contains("closing"), refused.toString());

        session.closeAll(); // the loop's own close once the call is done
        assertTrue(gate.closed, "the end the call used is released once the call is done");
        other.closeAll();
    }

    private static Map<String, Object> lastReply(ByteArrayOutputStream bytes) throws Exception {
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) Json.parse(lines.get(lines.size() - 1));
        assertEquals("reply", last.get("type"), lines.toString());
        return last;
    }

    /** Once armed, the first question an op asks of its end blocks until {@link #open}. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean armed;
        volatile boolean closed;
        volatile boolean usedAfterClose;

        void arm() {
            armed = true;
        }

        void open() {
            released.countDown();
        }

        void pass() {
            if (armed) {
                armed = false;
                entered.countDown();
                try {
                    if (!released.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError("the gate was never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void use() {
            if (closed) {
                usedAfterClose = true;
            }
        }
    }

    /** The in-memory transport, its ends wrapped in the gate. */
    private final class GatedOpener implements ChannelOpener {
        @Override
        public List<String> transports() {
            return memory.transports();
        }

        @Override
        public Opened<Sender> openSender(ChannelSpec spec) {
            Opened<Sender> opened = memory.openSender(spec);
            return opened.isOk() ? Opened.ok(new GatedSender(opened.end())) : opened;
        }

        @Override
        public Opened<Receiver> openReceiver(ChannelSpec spec) {
            Opened<Receiver> opened = memory.openReceiver(spec);
            return opened.isOk() ? Opened.ok(new GatedReceiver(opened.end())) : opened;
        }
    }

    private final class GatedSender implements Sender {
        private final Sender end;

        GatedSender(Sender end) {
            this.end = end;
        }

        @Override
        public SendStatus send(ByteBuffer message, long timeoutNanos) {
            gate.use();
            return end.send(message, timeoutNanos);
        }

        @Override
        public Mode mode() {
            gate.pass();
            return end.mode();
        }

        @Override
        public int maxMessageBytes() {
            gate.pass();
            return end.maxMessageBytes();
        }

        @Override
        public void close() {
            gate.closed = true;
            end.close();
        }
    }

    private final class GatedReceiver implements Receiver {
        private final Receiver end;

        GatedReceiver(Receiver end) {
            this.end = end;
        }

        @Override
        public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
            gate.use();
            return end.receive(into, timeoutNanos);
        }

        @Override
        public Mode mode() {
            gate.pass();
            return end.mode();
        }

        @Override
        public int capacity() {
            return end.capacity();
        }

        @Override
        public int maxMessageBytes() {
            gate.pass();
            return end.maxMessageBytes();
        }

        @Override
        public String contentType() {
            return end.contentType();
        }

        @Override
        public void close() {
            gate.closed = true;
            end.close();
        }
    }
}
