package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;

class StatsTest {

    @Test
    void sendDurationsAreTheSendersOwnPercentilesOrNothingWhenItReportsNone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Percentiles p = Stats.sendDurations(json.readTree("{\"p50\":2100,\"p90\":3000,\"p99\":9000,\"p999\":20000,\"max\":51000}"),
                1000, 2500.0).orElseThrow();
        assertEquals(new Percentiles(1000, 2100, 3000, 9000, 51000, 2500.0), p);
        assertEquals(java.util.Optional.empty(), Stats.sendDurations(null, 1000, 1.0));
        assertEquals(java.util.Optional.empty(), Stats.sendDurations(json.readTree("{\"p50\":null}"), 1000, 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.sendDurations(
                json.readTree("{\"p50\":5000,\"p90\":3000,\"p99\":9000,\"max\":9000}"), 1000, 1.0));
        assertEquals("send_ns.p90 is not a percentile of durations: 3000 (send_ns={\"p50\":5000,\"p90\":3000,\"p99\":9000,\"max\":9000})",
                e.getMessage());
    }

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] values = LongStream.rangeClosed(1, 100).toArray();
        assertEquals(50, Stats.percentile(values, 50));
        assertEquals(90, Stats.percentile(values, 90));
        assertEquals(99, Stats.percentile(values, 99));
        assertEquals(100, Stats.percentile(values, 100));
        assertEquals(1, Stats.percentile(values, 0.5));
    }

    @Test
    void nearestRankRoundsUpNotInterpolates() {
        long[] values = {10, 20, 30, 40};
        assertEquals(20, Stats.percentile(values, 50), "rank ceil(0.5*4)=2");
        assertEquals(40, Stats.percentile(values, 99), "rank ceil(0.99*4)=4");
        assertEquals(30, Stats.percentile(values, 51), "rank ceil(0.51*4)=3");
    }

    @Test
    void oneValueIsEveryPercentile() {
        long[] values = {7};
        assertEquals(7, Stats.percentile(values, 1));
        assertEquals(7, Stats.percentile(values, 99));
    }

    @Test
    void percentilesSortACopyAndAverage() {
        long[] values = {5, 1, 4, 2, 3};
        Percentiles p = Stats.percentiles(values);
        assertEquals(5, p.count());
        assertEquals(3, p.p50());
        assertEquals(5, p.p90());
        assertEquals(5, p.p99());
        assertEquals(5, p.max());
        assertEquals(3.0, p.mean(), 1e-9);
        assertEquals(5, values[0], "the caller's array is left as it was");
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 101));
    }

    @Test
    void ratesPerSecondAndMegabytesOfPayload() {
        assertEquals(2_000_000.0, Stats.perSecond(1_000_000, 500_000_000L), 1e-6);
        // 1,000,000 messages of 64 bytes in half a second: 128 MB/s (10^6 bytes).
        assertEquals(128.0, Stats.megabytesPerSecond(1_000_000, 64, 500_000_000L), 1e-9);
        Rate rate = new Rate(200_000, 4096, 1_000_000_000L);
        assertEquals(200_000.0, rate.messagesPerSecond(), 1e-9);
        assertEquals(819.2, rate.megabytesPerSecond(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Stats.perSecond(1, 0));
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwoAndNothingOfNoValues() {
        assertEquals(30.0, Stats.median(List.of(95.0, 10.0, 30.0, 47.0, 12.0)).getAsDouble(), 1e-12, "the order given does not matter");
        assertEquals(21.0, Stats.median(List.of(10.0, 12.0, 30.0, 95.0)).getAsDouble(), 1e-12);
        assertEquals(7.0, Stats.median(List.of(7.0)).getAsDouble(), 1e-12);
        assertTrue(Stats.median(List.of()).isEmpty());
    }
}
