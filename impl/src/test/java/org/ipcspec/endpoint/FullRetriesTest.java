package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.junit.jupiter.api.Test;

class FullRetriesTest {

    private final Session session = new Session(new LineWriter(new ByteArrayOutputStream()), new InMemoryOpener(false));
    private final ByteBuffer payload = ByteBuffer.allocate(64);

    @Test
    void retriesUntilTakenAndCountsEachRetry() {
        RefusingSender sender = new RefusingSender(3);
        FullRetries retries = new FullRetries(session, new Backoff(), -1);
        assertEquals(SendStatus.OK, retries.retry(sender, payload, false, Sender.FOREVER));
        assertEquals(3, retries.count(), "refused at first (not a retry), then twice more, then taken");
        assertEquals(SendStatus.OK, retries.retry(new RefusingSender(2), payload, true, Sender.FOREVER));
        assertEquals(5, retries.count(), "one count for the whole batch");
        assertEquals(3, sender.calls);
    }

    @Test
    void givesUpAfterItsTimeAndAnswersFull() {
        FullRetries retries = new FullRetries(session, new Backoff(), TimeUnit.MILLISECONDS.toNanos(20));
        long begin = System.nanoTime();
        assertEquals(SendStatus.FULL, retries.retry(new RefusingSender(Integer.MAX_VALUE), payload, false, Sender.FOREVER));
        assertTrue(System.nanoTime() - begin >= TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(retries.count() > 0);
    }

    @Test
    void noTimeToWaitMeansNoRetry() {
        RefusingSender sender = new RefusingSender(Integer.MAX_VALUE);
        FullRetries retries = new FullRetries(session, new Backoff(), 0);
        assertEquals(SendStatus.FULL, retries.retry(sender, payload, false, Sender.FOREVER));
        assertEquals(0, retries.count());
        assertEquals(0, sender.calls);
    }

    /** Answers full to its first {@code refusals} sends (counting the caller's own first one), then ok. */
    private static final class RefusingSender implements Sender {
        private int refusalsLeft;
        int calls;

        RefusingSender(int refusals) {
            this.refusalsLeft = refusals - 1; // the caller was refused once before it asked us
        }

        @Override
        public SendStatus send(ByteBuffer message, long timeoutNanos) {
            calls++;
            if (refusalsLeft > 0) {
                refusalsLeft--;
                return SendStatus.FULL;
            }
            return SendStatus.OK;
        }

        @Override
        public Mode mode() {
            return Mode.ASYNC;
        }

        @Override
        public int maxMessageBytes() {
            return 1 << 16;
        }

        @Override
        public void close() {
        }
    }
}
