package org.ipcspec.harness.check;

import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * F1: a sender whose content_type differs from the channel's gets {@code format_mismatch} (and one
 * whose agrees does not); collected messages carry the channel's content_type; a message over the
 * limit (the receiver's max_message_bytes, lowered by the sender's own) gets {@code too_large} and is
 * never collected, and one within it never gets {@code too_large}.
 */
final class FormatCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.F1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (ChannelEnd s : history.channelEnds()) {
            if (!s.isSender() || s.reply() == null) {
                continue;
            }
            ChannelEnd r = liveReceiver(look, s);
            if (r == null) {
                continue;
            }
            f.checked();
            boolean mismatch = !s.contentType().equals(r.contentType());
            String what = s.participant() + " opened a sender with content_type " + s.contentType() + " at "
                    + f.at(s.request().time()) + " on a channel of " + r.contentType();
            if (mismatch && !"format_mismatch".equals(s.status())) {
                f.violation(what + " and got " + s.status() + "; expected format_mismatch");
            }
            if (!mismatch && "format_mismatch".equals(s.status())) {
                f.violation(what + " and got format_mismatch, though the formats agree");
            }
        }
        for (ReceiveCall rc : history.receives()) {
            if (rc.collected() && rc.end() != null && rc.contentType() != null) {
                f.checked();
                if (!rc.contentType().equals(rc.end().contentType())) {
                    f.violation(rc.key() + " collected by " + rc.participant() + " at " + f.at(rc.endT())
                            + " has content_type " + rc.contentType() + ", but the channel's is " + rc.end().contentType());
                }
            }
        }
        for (SendCall s : history.sends()) {
            if (s.sampled() || !s.ended() || s.size() < 0 || s.end() == null) {
                continue;
            }
            ChannelEnd r = look.receiverFor(s.end(), s.end().request().index());
            long limit = r != null ? r.maxMessageBytes() : 65536;
            Long own = s.end().request().num("max_message_bytes");
            if (own != null) {
                limit = Math.min(limit, own);
            }
            f.checked();
            String what = "send of seq " + s.seq() + " (" + s.size() + " bytes, limit " + limit + ") by " + s.participant();
            if (s.size() > limit && !s.endedWith("too_large")) {
                f.violation(what + " ended with " + s.status() + " at " + f.at(s.endT()) + "; expected too_large");
            }
            if (s.size() <= limit && s.endedWith("too_large")) {
                f.violation(what + " ended with too_large at " + f.at(s.endT()) + ", though it is within the limit");
            }
            if (s.endedWith("too_large")) {
                ReceiveCall collector = look.collectorOf(s);
                boolean resentOk = history.sends().stream().anyMatch(o -> o != s && o.endedWith("ok") && o.key().equals(s.key()));
                if (collector != null && !resentOk) {
                    f.violation(what + " ended with too_large at " + f.at(s.endT()) + ", yet " + collector.participant()
                            + " collected it at " + f.at(collector.endT()));
                }
            }
        }
        return f.verdict("no sender open against a known receiver, no collected message and no sized send");
    }

    /** The receiver on the sender's address opened ok most recently before the sender's open. */
    private static ChannelEnd liveReceiver(Lookup look, ChannelEnd sender) {
        ChannelEnd found = null;
        for (ChannelEnd e : look.history.channelEnds()) {
            if (e.isReceiver() && e.opened() && e.reply().index() < sender.request().index() && sender.sameChannel(e)
                    && sender.address() != null) {
                found = e;
            }
        }
        return found;
    }
}
