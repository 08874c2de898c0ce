package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.ipcspec.channel.testing.ArrayMessage;
import org.junit.jupiter.api.Test;

class BatchStatisticsTest {

    @Test
    void aRunSharesItsReadingAndTheBatchKeepsItsFirstAndLast() {
        BatchStats stats = new BatchStats(3);
        assertEquals(SendOps.NO_TIME, stats.firstCollectedAt());
        assertEquals(SendOps.NO_TIME, stats.lastCollectedAt());
        stats.accept(generated(1, 100));
        stats.collectedAt(150);
        stats.accept(generated(2, 120));
        stats.accept(generated(3, 130));
        stats.collectedAt(200);
        assertEquals(150, stats.firstCollectedAt());
        assertEquals(200, stats.lastCollectedAt());
        assertEquals(3, stats.latencies().count());
        assertEquals(70, stats.latencies().percentile(500), "samples 50, 80 and 70: both of the run end at 200");
        assertEquals(80, stats.latencies().max());
        assertEquals(0, stats.notIntact());
    }

    @Test
    void aMessageReadInPlaceCountsAsTheSameMessageInABuffer() {
        BatchStats inPlace = new BatchStats(8);
        BatchStats buffered = new BatchStats(8);
        ByteBuffer torn = generated(3, 100);
        torn.put(63, (byte) ~torn.get(63));
        ByteBuffer[] messages = {
                generated(1, 100), generated(2, 100), torn, generated(5, 100), generated(4, 100),
                ByteBuffer.wrap("IPC1 and then text".getBytes(StandardCharsets.US_ASCII)), // the magic, no whole header
                ByteBuffer.wrap("plain text".getBytes(StandardCharsets.US_ASCII)),
        };
        for (ByteBuffer message : messages) {
            inPlace.accept(new ArrayMessage(message));
            buffered.accept(message.duplicate());
        }
        inPlace.collectedAt(130);
        buffered.collectedAt(130);

        assertEquals(3, inPlace.notIntact(), "the damaged filler, the torn header, the text");
        SenderStats sender = inPlace.perSender().get(7L);
        assertEquals(5, sender.received(), "a damaged filler still arrived: its header is whole");
        assertEquals(1, sender.outOfOrder());
        assertEquals(digestOf(1, 2, 3, 5, 4), sender.digest());
        assertEquals(5, inPlace.latencies().count());
        assertEquals(30, inPlace.latencies().max());
        assertEquals(buffered.notIntact(), inPlace.notIntact());
        assertEquals(buffered.perSender().get(7L).digest(), sender.digest());
    }

    private static ByteBuffer generated(long seq, long sentT) {
        ByteBuffer message = ByteBuffer.allocate(64);
        Payload.write(message, seq, 7, 64);
        Payload.putSentT(message, sentT);
        return message;
    }

    @Test
    void aRunsSamplesAreItsReadingLessEachSentTAndGrowPastTheReservedRoom() {
        Latencies latencies = new Latencies(3);
        latencies.add(5);
        long[] sentTs = {100, 90, 80, 70, -1};
        latencies.addSince(110, sentTs, 4);
        assertEquals(5, latencies.count(), "only the first n sent_t count");
        latencies.addSince(110, sentTs, 0);
        assertEquals(5, latencies.count());
        assertEquals(20, latencies.percentile(500), "samples 5, 10, 20, 30, 40");
        assertEquals(40, latencies.max());
        latencies.addSince(1_000, new long[] {0, 0}, 2);
        assertEquals(1_000, latencies.max(), "added after a sort, sorted again");
        assertEquals(7, latencies.count());
    }

    @Test
    void crc32cIsTheCastagnoliCrc() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals("e3069283", SenderStats.hex8(crc.getValue()), "the standard check value of CRC-32C");
        assertEquals("0000abcd", SenderStats.hex8(0xabcd), "8 digits, zero-padded, lowercase");
    }

    @Test
    void digestIsOfSeqsAsU64BigEndianInArrivalOrder() {
        // Hand-computed with a bitwise CRC-32C (reflected polynomial 0x82F63B78) over the bytes
        // 00 00 00 00 00 00 00 01, then ...01 ...02 ...03, then ...03 ...01 ...02 ...02.
        assertEquals("7e433189", digestOf(1));
        assertEquals("25de1924", digestOf(1, 2, 3));
        assertEquals("ab821cc4", digestOf(3, 1, 2, 2));
        long[] thousand = new long[1000];
        for (int i = 0; i < thousand.length; i++) {
            thousand[i] = i + 1;
        }
        assertEquals("c6f84d54", digestOf(thousand));
    }

    @Test
    void digestReadMidwayDoesNotDisturbTheSeqsStillToCome() {
        SenderStats stats = new SenderStats();
        for (long seq = 1; seq <= 1000; seq++) {
            stats.arrived(seq);
            if (seq == 100 || seq == SenderStats.DIGEST_CHUNK || seq == SenderStats.DIGEST_CHUNK + 1) {
                stats.digest();
            }
        }
        assertEquals("c6f84d54", stats.digest(), "1..1000, read at chunk boundaries and between them");
        assertEquals("c6f84d54", stats.digest(), "reading it again changes nothing");
    }

    @Test
    void countsOutOfOrderAndDuplicateArrivals() {
        SenderStats stats = new SenderStats();
        for (long seq : new long[] {1, 2, 5, 3, 3, 5, 4, 6}) {
            stats.arrived(seq);
        }
        assertEquals(8, stats.received());
        assertEquals(1, stats.firstSeq());
        assertEquals(6, stats.lastSeq(), "the last to arrive, not the highest");
        // lower than one seen: 3 (after 5), 3 again, 4 -> 3; the second 5 equals the highest seen.
        assertEquals(3, stats.outOfOrder());
        assertEquals(2, stats.duplicates(), "the second 3 and the second 5");
    }

    @Test
    void seenSeqsMergesIntervals() {
        SeenSeqs seen = new SeenSeqs();
        for (long seq = 1; seq <= 100_000; seq++) {
            assertTrue(seen.add(seq));
        }
        assertEquals(1, seen.intervals(), "in-order arrivals are one interval");
        assertFalse(seen.add(50_000));
        assertTrue(seen.add(100_002));
        assertTrue(seen.add(100_004));
        assertEquals(3, seen.intervals());
        assertTrue(seen.add(100_003));
        assertEquals(2, seen.intervals(), "100002..100004");
        assertTrue(seen.add(100_001));
        assertEquals(1, seen.intervals(), "1..100004");
        assertFalse(seen.add(100_001));
        assertTrue(seen.add(0));
        assertEquals(1, seen.intervals());
        assertTrue(seen.add(100_010));
        assertFalse(seen.add(100_010));
        assertFalse(seen.add(200), "inside 0..100004");
        // below the top interval, apart and then joined
        SeenSeqs gaps = new SeenSeqs();
        for (long seq : new long[] {100, 10, 30, 20, 11, 29, 9}) {
            assertTrue(gaps.add(seq), "seq " + seq);
        }
        assertEquals(4, gaps.intervals(), "9..11, 20, 29..30, 100");
        for (long seq : new long[] {100, 10, 30, 20, 11, 29, 9}) {
            assertFalse(gaps.add(seq), "seq " + seq);
        }
        assertTrue(gaps.add(99));
        assertEquals(4, gaps.intervals(), "99 joins the top interval");
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies tenSamples = new Latencies();
        for (long v = 10; v >= 1; v--) {
            tenSamples.add(v * 100);
        }
        assertEquals(500, tenSamples.percentile(500), "rank ceil(0.5*10)=5");
        assertEquals(900, tenSamples.percentile(900), "rank 9");
        assertEquals(1000, tenSamples.percentile(990), "rank ceil(9.9)=10");
        assertEquals(1000, tenSamples.percentile(999));
        assertEquals(1000, tenSamples.max());

        Latencies three = new Latencies();
        three.add(3);
        three.add(1);
        three.add(2);
        assertEquals(2, three.percentile(500), "rank ceil(1.5)=2");

        Latencies many = new Latencies();
        for (int v = 1; v <= 2000; v++) {
            many.add(v);
        }
        assertEquals(1000, many.percentile(500));
        assertEquals(1998, many.percentile(999), "rank ceil(0.999*2000)=1998");

        Latencies one = new Latencies();
        one.add(42);
        assertEquals(42, one.percentile(500));
        assertEquals(42, one.percentile(999));
    }

    @Test
    void latenciesAreNullWithoutSamples() {
        Latencies none = new Latencies();
        assertThrows(IllegalStateException.class, () -> none.percentile(500));
        JsonLine line = new JsonLine();
        none.writeTo(line, "latency_ns");
        assertEquals("{\"latency_ns\":null}", line.finish());
        Latencies two = new Latencies();
        two.add(5);
        two.add(7);
        JsonLine written = new JsonLine();
        two.writeTo(written, "latency_ns");
        assertEquals("{\"latency_ns\":{\"p50\":5,\"p90\":7,\"p99\":7,\"p999\":7,\"max\":7}}", written.finish());
    }

    private static String digestOf(long... seqs) {
        SenderStats stats = new SenderStats();
        for (long seq : seqs) {
            stats.arrived(seq);
        }
        return stats.digest();
    }
}
