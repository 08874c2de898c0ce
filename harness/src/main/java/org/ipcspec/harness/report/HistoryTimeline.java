package org.ipcspec.harness.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;

/**
 * Draws a scenario's recorded history: each process a lane, each send and receive a bar from its
 * begin to its end event, each collected message an arrow from its send to the receive that
 * collected it, kills and starts as marks, and each broken rule in red on the call it names.
 */
public final class HistoryTimeline {

    private static final Pattern SEQ = Pattern.compile("\\bseq (\\d+)");

    private HistoryTimeline() {
    }

    public static Timeline of(String title, History history, List<Verdict> verdicts) {
        Timeline.Builder timeline = Timeline.builder(title);
        history.participants().forEach(timeline::lane);
        Map<MessageKey, SendCall> sends = new HashMap<>();
        Map<Long, Integer> sendCallBySeq = new HashMap<>();
        for (SendCall send : history.sends()) {
            if (send.begin() == null) {
                continue;
            }
            String label = "send #" + send.seq() + (send.mode() == Mode.UNKNOWN ? "" : " " + send.mode());
            // An end dated before its begin is a lie C1 names; the bar is drawn with no length rather than not at all.
            int id = send.ended()
                    ? timeline.call(send.participant(), Timeline.Kind.SEND, label, send.beginT(), Math.max(send.beginT(), send.endT()), send.status())
                    : timeline.unfinishedCall(send.participant(), Timeline.Kind.SEND, label, send.beginT());
            sends.putIfAbsent(send.key(), send);
            sendCallBySeq.putIfAbsent(send.seq(), id);
        }
        for (ReceiveCall receive : history.receives()) {
            if (receive.begin() == null) {
                continue;
            }
            String label = receive.collected() && receive.key() != null && !receive.key().isText()
                    ? "recv #" + receive.key().seq() : "receive";
            if (receive.ended()) {
                timeline.call(receive.participant(), Timeline.Kind.RECEIVE, label, receive.beginT(),
                        Math.max(receive.beginT(), receive.endT()), receive.status());
            } else {
                timeline.unfinishedCall(receive.participant(), Timeline.Kind.RECEIVE, label, receive.beginT());
            }
            SendCall send = receive.collected() ? sends.get(receive.key()) : null;
            if (send != null && receive.ended()) {
                timeline.message(send.seq(), send.participant(), send.beginT(), receive.participant(), receive.endT());
            }
        }
        for (Batch batch : history.batches()) {
            if (batch.request() != null && batch.finish() != null) {
                timeline.call(batch.participant(), Timeline.Kind.OTHER, batch.op() + " " + batch.figure("count"),
                        batch.request().time(), batch.finish().time(), batch.status());
            }
        }
        // Starts are drawn too: the axis then begins where the history does, so the "+12.1 ms" of a
        // checker's reason reads straight off the picture.
        for (Entry entry : history.entries()) {
            if (entry.kind() == Entry.Kind.KILLED) {
                timeline.mark(entry.participant(), entry.time(), "killed");
            } else if (entry.kind() == Entry.Kind.STARTED) {
                timeline.mark(entry.participant(), entry.time(), "started");
            } else if (entry.kind() == Entry.Kind.PAUSED) {
                timeline.mark(entry.participant(), entry.time(), "paused");
            } else if (entry.kind() == Entry.Kind.RESUMED) {
                timeline.mark(entry.participant(), entry.time(), "resumed");
            }
        }
        for (Verdict verdict : verdicts) {
            if (!verdict.failed()) {
                continue;
            }
            for (String reason : verdict.reasons()) {
                Matcher seq = SEQ.matcher(reason);
                Integer call = seq.find() ? sendCallBySeq.get(Long.parseLong(seq.group(1))) : null;
                if (call != null) {
                    timeline.violationOnCall(verdict.rule().name(), reason, call);
                } else {
                    String lane = history.participants().stream().findFirst().orElse("harness");
                    timeline.violation(verdict.rule().name(), reason, history.last(), lane);
                }
            }
        }
        return timeline.build();
    }
}
