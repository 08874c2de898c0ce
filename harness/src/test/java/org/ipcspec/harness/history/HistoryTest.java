package org.ipcspec.harness.history;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.ipcspec.harness.history.HistoryDsl.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


class HistoryTest {

    @Test
    void recorderParsesLinesAndTimesEventsByTheirOwnT() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        HistoryRecorder rec = new HistoryRecorder(clock::get);
        rec.request("sender", HistoryDsl.kv("id", 1, "op", "send", "seq", 3, "size", 64));
        clock.set(1_020_000_000L);
        rec.line("sender", "{\"type\":\"event\",\"event\":\"send_begin\",\"channel\":\"main\",\"seq\":3,\"t\":1005000000}");
        rec.line("sender", "{\"type\":\"reply\",\"id\":1,\"ok\":true,\"status\":\"ok\"}");
        rec.line("sender", "not json at all");
        History h = rec.snapshot();

        assertEquals(4, h.entries().size());
        Entry begin = h.entries().get(1);
        assertEquals(1_005_000_000L, begin.time());
        assertEquals(1_020_000_000L, begin.arrival());
        assertEquals(3L, begin.get("seq"));
        assertTrue(begin.isEvent("send_begin"));
        assertEquals(1_020_000_000L, h.entries().get(2).time(), "a reply is timed by arrival");
        assertEquals(Entry.Kind.UNPARSED, h.entries().get(3).kind());
        assertEquals("not json at all", h.entries().get(3).str("raw"));
        assertEquals("+5.0 ms", h.at(begin.time()));
        assertEquals("+0.0 ms", h.at(h.origin()));
    }

    @Test
    void relativeTimesHaveOneDecimal() {
        History h = new HistoryDsl().mark(Entry.Kind.STARTED, "sender", 0).build();
        assertEquals("+12.1 ms", h.at(t(12.149)));
        assertEquals("+305.4 ms", h.at(t(305.4)));
        assertEquals("-1.5 ms", h.at(t(-1.5)));
    }

    @Test
    void pairsCallsWithTheirRequestsAndChannelEnds() {
        History h = new HistoryDsl()
                .open("receiver", "receiver", "sync", "capacity", 8L)
                .open("sender", "sender", "async", "sender_id", 7L)
                .send("sender", 1, 10, 11.0, "ok", "timeout_ms", 500L)
                .send("sender", 2, 12, null, null)
                .receive("receiver", 20, 21.0, "message", "seq", 1L, "sender_id", 7L)
                .build();

        assertEquals(2, h.channelEnds().size());
        assertEquals(8, h.channelEnds().get(0).capacity());
        assertEquals(2, h.sends().size());
        SendCall first = h.sends().get(0);
        assertEquals(1, first.seq());
        assertEquals("ok", first.status());
        assertEquals(Mode.ASYNC, first.mode());
        assertEquals(500L, first.timeoutMs());
        assertEquals(MessageKey.generated(7, 1), first.key());
        SendCall blocked = h.sends().get(1);
        assertFalse(blocked.ended());
        assertEquals(2, blocked.request().num("seq", -1), "unreplied call takes the oldest unreplied request");
        ReceiveCall r = h.receives().get(0);
        assertEquals(MessageKey.generated(7, 1), r.key());
        assertTrue(r.intact());
        assertEquals(Mode.SYNC, r.mode());
        assertTrue(h.anomalies().isEmpty());
    }

    @Test
    void pairsBatchesAndMarksSamples() {
        History h = new HistoryDsl()
                .open("sender", "sender", "async")
                .request("sender", 10, "send_many", "channel", "main", "first_seq", 1L, "count", 20L, "size", 64L,
                        "sample_every", 10L)
                .event("sender", 11, "send_begin", "seq", 10L)
                .event("sender", 12, "send_end", "seq", 10L, "status", "ok")
                .event("sender", 30, "batch_end", "count", 20L, "sent", 20L, "status", "ok")
                .reply("sender", 30, "status", "ok")
                .build();
        assertEquals(1, h.batches().size());
        Batch b = h.batches().get(0);
        assertTrue(b.isSend());
        assertEquals(20, b.figure("sent"));
        assertSame(b.request(), h.sends().get(0).request());
        assertTrue(h.sends().get(0).sampled());
    }

    @Test
    void reportsEndsWithoutBegins() {
        History h = new HistoryDsl().event("sender", 5, "send_end", "seq", 1L, "status", "ok").build();
        assertEquals(1, h.anomalies().size());
        assertTrue(h.anomalies().get(0).contains("send_end at +0.0 ms without a matching begin"), h.anomalies().get(0));
    }

    @Test
    void jsonRoundTrips() {
        History h = new HistoryDsl()
                .open("receiver", "receiver", "sync")
                .receive("receiver", 20, 21.0, "message", "seq", 1L)
                .kill("receiver", 30)
                .build();
        String json = h.toJson();
        assertTrue(json.contains("\"kind\" : \"killed\""), json);
        assertTrue(json.contains("\"at_ms\" : 20.0"), json);
        History back = History.fromJson(json);
        assertEquals(h, back);
        assertEquals(1, back.receives().size());
    }

    @Test
    void recorderIsSafeForConcurrentAppenders() throws Exception {
        HistoryRecorder rec = new HistoryRecorder();
        int threads = 4;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String p = "p" + i;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < each; n++) {
                    rec.line(p, "{\"type\":\"event\",\"event\":\"send_begin\",\"seq\":" + n + ",\"t\":" + n + "}");
                    if (n % 500 == 0) {
                        rec.snapshot();
                    }
                }
            });
            th.start();
            all.add(th);
        }
        go.countDown();
        for (Thread th : all) {
            th.join(10_000);
        }
        History h = rec.snapshot();
        assertEquals(threads * each, h.entries().size());
        for (int i = 0; i < h.entries().size(); i++) {
            assertEquals(i, h.entries().get(i).index());
        }
        for (int i = 0; i < threads; i++) {
            List<Entry> mine = h.of("p" + i);
            for (int n = 0; n < each; n++) {
                assertEquals((long) n, mine.get(n).get("seq"), "per-participant order is kept");
            }
        }
        assertNull(h.entries().get(0).type() == null ? null : h.entries().get(0).op());
    }
}
