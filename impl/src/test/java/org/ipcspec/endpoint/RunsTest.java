package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunsTest {

    @Test
    void aSendRunStopsBeforeTheNextSampledMessageAndBeforeTheBatchsLast() {
        assertEquals(Runs.MAX_MESSAGES, Runs.sendLength(1, 1000, 0));
        assertEquals(50, Runs.sendLength(50, 1000, 100), "messages 50..99; the 100th is sampled");
        assertEquals(0, Runs.sendLength(100, 1000, 100), "the sampled one goes alone");
        assertEquals(Runs.MAX_MESSAGES, Runs.sendLength(101, 1000, 100), "from the next one on, runs again");
        assertEquals(9, Runs.sendLength(991, 1000, 0), "991..999; the 1000th, the last, closes the batch alone");
        assertEquals(0, Runs.sendLength(999, 1000, 0), "a run of one is no run");
        assertEquals(0, Runs.sendLength(1, 1, 0));
        assertEquals(0, Runs.sendLength(1, 100, 1), "every message sampled: no runs");
    }

    @Test
    void aReceiveRunStopsBeforeTheNextSampledMessage() {
        assertEquals(Runs.MAX_MESSAGES, Runs.receiveLength(0, 1000, 0));
        assertEquals(10, Runs.receiveLength(990, 1000, 0), "what is still wanted");
        assertEquals(49, Runs.receiveLength(450, 1000, 500), "451..499: the 500th is sampled");
        assertEquals(0, Runs.receiveLength(499, 1000, 500), "the sampled 500th comes alone");
        assertEquals(Runs.MAX_MESSAGES, Runs.receiveLength(500, 1000, 500));
        assertEquals(0, Runs.receiveLength(0, 100, 1), "every message sampled: no runs");
    }
}
