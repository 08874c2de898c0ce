package org.ipcspec.harness.report;

import java.nio.file.Path;

import org.ipcspec.harness.report.Timeline.Kind;

/** Hand-written inputs shared by the tests and the sample outputs a person can look at. */
final class Samples {

    /** Where the sample pictures and pages go: harness/target/report-samples. */
    static final Path DIR = Path.of("target", "report-samples");

    static final long T0 = 8_000_000_000L;

    static long ms(double ms) {
        return T0 + Math.round(ms * 1_000_000);
    }

    /**
     * A small sync-send / sync-receive scenario with two senders, one of which is killed while
     * blocked; one S1 violation on a call, one O1 violation on a message, one free K1 violation and
     * a receive that never ended.
     */
    static Timeline scenario() {
        Timeline.Builder b = Timeline.builder("Ordering: sync-send/sync-receive over shm");
        b.lane("sender").lane("sender 2").lane("receiver");
        b.mark("receiver", ms(0), "started");
        b.mark("sender", ms(1), "started");
        b.mark("sender 2", ms(1.5), "started");
        b.call("receiver", Kind.OTHER, "open receiver", ms(2), ms(4), "ok");
        b.call("sender", Kind.OTHER, "open sender", ms(4.5), ms(6), "ok");
        b.call("sender 2", Kind.OTHER, "open sender", ms(5), ms(6.5), "ok");
        int s1 = b.call("sender", Kind.SEND, "send #1 sync", ms(8), ms(31), "ok");
        int r1 = b.call("receiver", Kind.RECEIVE, "receive sync", ms(30), ms(32), "message");
        b.message(1, "sender", ms(8), "receiver", ms(32));
        int s2 = b.call("sender", Kind.SEND, "send #2 sync", ms(34), ms(35), "ok");
        b.call("receiver", Kind.RECEIVE, "receive sync", ms(40), ms(46), "message");
        b.message(2, "sender", ms(34), "receiver", ms(46));
        b.violationOnCall("S1", "send #2 ended ok at 35.000 ms before any receive began (next recv_begin at 40.000 ms)", s2);
        b.call("sender 2", Kind.SEND, "send #7 sync", ms(12), ms(52), "timeout");
        b.call("sender 2", Kind.SEND, "send #8 async", ms(53), ms(53), "full");
        b.call("receiver", Kind.RECEIVE, "receive sync", ms(50), ms(55), "message");
        int m7 = b.message(7, "sender 2", ms(12), "receiver", ms(55));
        b.call("receiver", Kind.RECEIVE, "receive sync", ms(56), ms(57), "message");
        b.message(3, "sender", ms(36), "receiver", ms(57));
        b.call("sender", Kind.SEND, "send #3 sync", ms(36), ms(57.5), "ok");
        b.violationOnMessage("O1", "sender 2: seq 7 collected after seq 8, but sent before it", m7);
        b.call("receiver", Kind.RECEIVE, "receive async", ms(60), ms(60.02), "empty");
        b.call("sender", Kind.SEND, "send #4 sync", ms(62), ms(70), "closed");
        b.mark("receiver", ms(64), "killed");
        b.violation("K1", "sender blocked in send #4 got closed 6 ms after the receiver died (bound 5 ms)", ms(70), "sender");
        b.unfinishedCall("sender 2", Kind.RECEIVE, "receive ack sync", ms(66));
        return b.build();
    }

    private Samples() {
    }
}
