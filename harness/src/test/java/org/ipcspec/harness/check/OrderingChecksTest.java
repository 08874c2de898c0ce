package org.ipcspec.harness.check;

import org.ipcspec.harness.history.HistoryDsl;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.notApplicable;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.check.Expect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** O1 and O2, single and bulk. */
class OrderingChecksTest {

    private static HistoryDsl base() {
        return new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "async");
    }

    private static Map<String, Object> perSender(String sid, long received, long first, long last, long outOfOrder,
                                                 String digest) {
        return Map.of(sid, Map.of("received", received, "first_seq", first, "last_seq", last,
                "out_of_order", outOfOrder, "duplicates", 0L, "digest", digest));
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void digestIsCrc32cOfBigEndianSeqs() {
        // CRC-32C of the 8 bytes 00..01 (seq 1), computed independently
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        assertEquals(String.format("%08x", crc.getValue()), Lookup.digest(List.of(1L)));
        assertEquals("00000000", Lookup.digest(List.of()));
        assertEquals(8, Lookup.digest(range(1, 1000)).length());
    }

    @Test
    void o1PassesInSendOrderAndFailsOutOfOrder() {
        passes(run("O1", base()
                .send("sender", 1, 10, 10.5, "ok").send("sender", 2, 11, 11.5, "ok")
                .receive("receiver", 20, 21.0, "message", "seq", 1L)
                .receive("receiver", 22, 23.0, "message", "seq", 2L)
                .build()));
        fails(run("O1", base()
                        .send("sender", 1, 10, 10.5, "ok").send("sender", 2, 11, 11.5, "ok")
                        .receive("receiver", 20, 21.0, "message", "seq", 2L)
                        .receive("receiver", 22, 23.0, "message", "seq", 1L)
                        .build()),
                "O1 violated: seq 1 of sender 1 was collected by receiver at +23.0 ms after seq 2 of sender 1 (collected at +21.0 ms), but was sent before it (sent at +10.0 ms and +11.0 ms)");
        notApplicable(run("O1", base().build()));
    }

    @Test
    void o1KeepsSendersApart() {
        passes(run("O1", base()
                .receive("receiver", 20, 21.0, "message", "seq", 5L, "sender_id", 2L)
                .receive("receiver", 22, 23.0, "message", "seq", 1L, "sender_id", 1L)
                .build()));
    }

    @Test
    void o1FailsOnAReorderingBulkReceive() {
        String wrong = Lookup.digest(List.of(2L, 1L, 3L));
        fails(run("O1", base()
                        .sendMany("sender", 1, 3, 64, 10, 20)
                        .receiveMany("receiver", 3, 5, 30, "per_sender", perSender("1", 3, 2, 3, 1, wrong))
                        .build()),
                "receive_many by receiver (ended +30.0 ms) collected 1 of sender 1's messages out of order: digest " + wrong);
    }

    @Test
    void o2PassesWhenEverythingSentOkIsCollectedOnceIntact() {
        passes(run("O2", base()
                .send("sender", 1, 10, 10.5, "ok").send("sender", 2, 11, 11.5, "full")
                .send("sender", 3, 12, 12.5, "timeout")
                .receive("receiver", 20, 21.0, "message", "seq", 1L)
                .receive("receiver", 22, 23.0, "message", "seq", 3L)
                .build()));
    }

    @Test
    void o2FailsOnLossDuplicationTearingAndInvention() {
        fails(run("O2", base().send("sender", 1, 10, 10.5, "ok").build()),
                "O2 violated: seq 1 of sender 1 was sent ok by sender (send_end at +10.5 ms) but never collected");
        fails(run("O2", base().send("sender", 1, 10, 10.5, "ok")
                        .receive("receiver", 20, 21.0, "message", "seq", 1L)
                        .receive("receiver", 22, 23.0, "message", "seq", 1L).build()),
                "seq 1 of sender 1 on /tmp/ipcspec-test/c1 was collected 2 times, at +21.0 ms, +23.0 ms");
        fails(run("O2", base().send("sender", 1, 10, 10.5, "ok")
                        .receive("receiver", 20, 21.0, "message", "seq", 1L, "intact", false).build()),
                "seq 1 of sender 1 was collected by receiver at +21.0 ms not intact");
        fails(run("O2", base().send("sender", 1, 10, 10.5, "ok")
                        .receive("receiver", 20, 21.0, "message", "seq", 1L)
                        .receive("receiver", 22, 23.0, "message", "seq", 9L).build()),
                "seq 9 of sender 1 was collected by receiver at +23.0 ms, but no sender sent it");
    }

    @Test
    void o2MatchesTextPayloadsByText() {
        passes(run("O2", base().send("sender", 1, 10, 10.5, "ok", "text", "<p>hi</p>")
                .receive("receiver", 20, 21.0, "message", "text", "<p>hi</p>").build()));
        fails(run("O2", base().send("sender", 1, 10, 10.5, "ok", "text", "<p>hi</p>")
                        .receive("receiver", 20, 21.0, "message", "text", "<p>ho</p>").build()),
                "text \"<p>hi</p>\" was sent ok", "text \"<p>ho</p>\" was collected");
    }

    @Test
    void o2ChecksBulkByDigest() {
        String good = Lookup.digest(range(1, 1000));
        passes(run("O2", base()
                .sendMany("sender", 1, 1000, 64, 10, 20)
                .receiveMany("receiver", 1000, 5, 30, "per_sender", perSender("1", 1000, 1, 1000, 0, good))
                .build()));
        // the implementation's counts look perfect, but the digest says otherwise: the digest wins
        String lostOne = Lookup.digest(range(2, 1000));
        fails(run("O2", base()
                        .sendMany("sender", 1, 1000, 64, 10, 20)
                        .receiveMany("receiver", 1000, 5, 30, "per_sender", perSender("1", 1000, 1, 1000, 0, lostOne))
                        .build()),
                "O2 violated: receive_many by receiver (ended +30.0 ms): sender 1's digest is " + lostOne + ", expected "
                        + good + " for 1000 messages, seq 1..1000 sent ok, in send order");
    }

    @Test
    void o2SplitsBulkExpectationsAroundSingleReceivesAndAcrossBatches() {
        // seq 1 is taken by a single receive, then two batches take 2..3 and 4..5
        passes(run("O2", base()
                .sendMany("sender", 1, 5, 64, 1, 9)
                .receive("receiver", 10, 11.0, "message", "seq", 1L)
                .receiveMany("receiver", 2, 12, 20, "per_sender", perSender("1", 2, 2, 3, 0, Lookup.digest(range(2, 3))))
                .receiveMany("receiver", 2, 21, 30, "per_sender", perSender("1", 2, 4, 5, 0, Lookup.digest(range(4, 5))))
                .build()));
        fails(run("O2", base()
                        .sendMany("sender", 1, 5, 64, 1, 9)
                        .receiveMany("receiver", 5, 12, 20, "status", "timeout", "received", 4L,
                                "per_sender", perSender("1", 4, 1, 4, 0, Lookup.digest(range(1, 4))))
                        .build()),
                "ended with timeout after collecting 4 of 5 messages", "expected " + Lookup.digest(range(1, 5)));
    }
}
