package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.bench.BenchResult.LatencyRow;
import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.bench.BenchResult.RoundTrip;
import org.ipcspec.harness.bench.BenchResult.StartupRow;
import org.ipcspec.harness.bench.BenchResult.ThroughputRow;

class BenchTableTest {

    private static BenchResult sample() {
        ThroughputRow shm = new ThroughputRow("shm", 64, Measured.ok(new Rate(1_000_000, 64, 500_000_000L)),
                OptionalLong.of(1_234_500), Baselines.RING_NAME, Measured.ok(new Rate(5_000_000, 64, 500_000_000L)),
                OptionalDouble.of(0.375));
        ThroughputRow file = new ThroughputRow("file", 4096, Measured.failed("open receiver: status io (file transport not built yet)"),
                OptionalLong.empty(), "-", Measured.absent(), OptionalDouble.empty());
        Percentiles rtt = new Percentiles(20_000, 20_000, 30_000, 40_000, 90_000, 21_000.0);
        Percentiles ping = new Percentiles(50_000, 10_000, 12_000, 20_000, 50_000, 10_500.0);
        LatencyRow socket = new LatencyRow("socket", 64, Measured.ok(new RoundTrip(rtt, 18_000.0, 9_000, 15_000)), Measured.ok(ping));
        StartupRow startup = new StartupRow(Measured.ok(new Percentiles(20, 400_000_000L, 450_000_000L, 500_000_000L, 500_000_000L, 4e8)),
                Measured.ok(new Percentiles(20, 80_000_000L, 90_000_000L, 95_000_000L, 95_000_000L, 8e7)));
        return new BenchResult("ipcspec-reference 0.1.0", "test machine", List.of(shm, file), List.of(socket), startup, List.of());
    }

    @Test
    void throughputRowShowsFiguresBaselineAndRatio() {
        String text = BenchTable.render(sample());
        String row = line(text, "shm        64 B");
        assertTrue(row.contains("1,000,000"), row);
        assertTrue(row.contains("2,000,000"), "msgs/s: " + row);
        assertTrue(row.contains("128.0"), "MB/s: " + row);
        assertTrue(row.contains("1,234.5"), "p99 us: " + row);
        assertTrue(row.contains("10,000,000"), "baseline msgs/s: " + row);
        assertTrue(row.contains("0.20"), "ratio impl/baseline: " + row);
        assertTrue(row.matches(".* 0\\.20 +0\\.38"), "the medians' ratio beside the bests': " + row);
        assertTrue(line(text, "file       4 KiB").matches(".* - +-"), "no median ratio without runs: " + text);
    }

    @Test
    void failedFigureSaysFailedAndItsReasonIsListed() {
        String text = BenchTable.render(sample());
        assertTrue(line(text, "file       4 KiB").contains(BenchTable.FAILED));
        assertTrue(text.contains("file 4 KiB: open receiver: status io (file transport not built yet)"), text);
    }

    @Test
    void latencyInMicrosecondsWithRatios() {
        String row = line(BenchTable.render(sample()), "socket     64 B");
        for (String expected : List.of("20,000", "20.0", "40.0", "18.0", "9.0", "15.0", "10.0", "2.00")) {
            assertTrue(row.contains(expected), expected + " in " + row);
        }
    }

    @Test
    void startupInMillisecondsWithRatio() {
        String row = line(BenchTable.render(sample()), "endpoint ");
        assertTrue(row.contains("400.0") && row.contains("450.0") && row.contains("5.00"), row);
    }

    @Test
    void extraColumnIsAddedToEveryTable() {
        BenchTable.Extra extra = new BenchTable.Extra("threshold", r -> ">= 100,000", r -> "p99 <= 1 ms", r -> "<= 2 s");
        String text = BenchTable.render(sample(), extra);
        assertTrue(line(text, "shm        64 B").endsWith(">= 100,000"), text);
        assertTrue(line(text, "socket     64 B").endsWith("p99 <= 1 ms"), text);
        assertTrue(line(text, "endpoint ").endsWith("<= 2 s"), text);
    }

    @Test
    void furtherBaselinesPrintBesideTheReferenceWithBothRatios() {
        BenchResult plain = sample();
        BenchResult result = new BenchResult(plain.implementation(), plain.environment(), plain.throughput(), plain.latency(),
                plain.startup(), plain.notes(),
                List.of(new BenchResult.ThroughputComparison("shm", 64, Baselines.RING_NAME + Baselines.PROTOCOL_SUFFIX,
                                Measured.ok(new Rate(2_500_000, 64, 500_000_000L))),
                        new BenchResult.ThroughputComparison("shm", 64, Baselines.AGRONA_NAME, Measured.failed("agrona did not start"))),
                List.of(new BenchResult.LatencyComparison("socket", 64, Baselines.RING_PING_NAME,
                        Measured.ok(new Percentiles(50_000, 5_000, 6_000, 8_000, 9_000, 5_250.0)), OptionalDouble.of(0.8))));
        String text = BenchTable.render(result);
        String protocol = line(text, "shm        64 B  2,000,000  raw mmap SPSC ring + protocol work");
        // of raw: 5,000,000 / 10,000,000; ratio: 2,000,000 / 5,000,000
        assertTrue(protocol.contains("5,000,000") && protocol.contains("0.50") && protocol.endsWith("0.40"), protocol);
        assertTrue(line(text, "shm        64 B  2,000,000  Agrona").contains(BenchTable.FAILED), text);
        assertTrue(text.contains("shm 64 B Agrona OneToOneRingBuffer: agrona did not start"), text);
        assertTrue(result.hasFailures());
        String ping = line(text, "socket     64 B    20.0");
        assertTrue(ping.contains("5.0") && ping.contains("4.00") && ping.contains("5.00"), ping);
        assertTrue(ping.endsWith("0.80"), "the median ratio of the p50s last: " + ping);
    }

    @Test
    void briefKeepsTheFirstLineAndTheTailOfStderr() {
        String failure = "the receiver endpoint broke: no hello\n--- its stderr ---\n1\n2\n3\n4\n5\nException: boom\n";
        String brief = BenchTable.brief(failure);
        assertTrue(brief.startsWith("the receiver endpoint broke: no hello\n"), brief);
        assertTrue(brief.endsWith("| Exception: boom"), brief);
        assertFalse(brief.contains("| 1"), brief);
        assertEquals("one line", BenchTable.brief("one line"));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in\n" + text));
    }
}
