package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.process.EndpointBrokenException;

/** How a one-way baseline's timed batches become its figure; the programs themselves run in BaselineSmokeTest. */
class BaselinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFigureIsTheShortestOfTheTimedBatchesEachFromItsOwnFirstToItsOwnLast() throws Exception {
        assertEquals(3, BenchOptions.TIMED_BATCHES, "the lists below have one entry per timed batch");
        // Durations 500, 300 and 1,000 ns; the longest span (first of one to last of another) must not count.
        Rate rate = Baselines.fastest(1_000, 64, JSON.readTree("[100, 1000, 5000]"), JSON.readTree("[600, 1300, 6000]"));

        assertEquals(300, rate.nanos());
        assertEquals(1_000, rate.messages());
        assertEquals(1_000 / 300e-9, rate.messagesPerSecond(), 1e-3);
    }

    @Test
    void aResultWithoutEveryTimedBatchIsAFailureThatShowsWhatCame() throws Exception {
        JsonNode oneFigure = JSON.readTree("{\"first_t\": 100}").path("first_t");
        JsonNode last = JSON.readTree("[600, 1300, 6000]");

        EndpointBrokenException scalar = assertThrows(EndpointBrokenException.class, () -> Baselines.fastest(10, 64, oneFigure, last));
        assertTrue(scalar.getMessage().contains("expected 3 timed batches") && scalar.getMessage().contains("first_t=100"),
                scalar.getMessage());
        EndpointBrokenException shortList = assertThrows(EndpointBrokenException.class,
                () -> Baselines.fastest(10, 64, JSON.readTree("[100, 1000, 5000]"), JSON.readTree("[600, 1300]")));
        assertTrue(shortList.getMessage().contains("last_t=[600,1300]"), shortList.getMessage());
    }
}
