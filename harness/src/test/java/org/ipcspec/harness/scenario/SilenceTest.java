package org.ipcspec.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SilenceTest {

    @Test
    void theLongestGapBetweenLinesIsThePace() {
        Silence silence = new Silence(0);
        silence.requested(100);
        silence.line(150);
        silence.line(450);
        silence.line(500);
        assertEquals(300, silence.longestGap());
        assertEquals(500, silence.lastLine());
    }

    @Test
    void aRequestStartsANewStretch() {
        Silence silence = new Silence(0);
        silence.line(1_000);          // a long wait for hello counts for nothing later
        silence.requested(1_100);
        assertEquals(0, silence.longestGap());
        assertEquals(1_100, silence.lastLine(), "nobody is silent before it has been asked");
        silence.line(1_120);
        assertEquals(20, silence.longestGap());
    }

    @Test
    void aPauseIsNotSilence() {
        Silence silence = new Silence(0);
        silence.requested(0);
        silence.line(10);
        silence.resumed(5_000);
        assertEquals(5_000, silence.lastLine());
        silence.line(5_030);
        assertEquals(30, silence.longestGap(), "the pause itself is not a gap of the participant's");
    }

    @Test
    void aLateRequestTimeNeverMovesSilenceBack() {
        Silence silence = new Silence(0);
        silence.line(2_000);
        silence.requested(1_500);     // a request written before a line that was read after it
        assertEquals(2_000, silence.lastLine());
    }
}
