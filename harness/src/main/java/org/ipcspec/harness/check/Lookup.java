package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared questions checkers ask of a history. Calls are grouped by the address of their channel end,
 * so an acknowledgement channel does not mix with the main one; a call whose open was not recorded
 * belongs to every address.
 */
final class Lookup {

    final History history;
    final ScenarioFacts facts;

    Lookup(History history, ScenarioFacts facts) {
        this.history = history;
        this.facts = facts;
    }

    static String address(ChannelEnd end) {
        return end == null ? null : end.address();
    }

    static boolean same(ChannelEnd a, ChannelEnd b) {
        return a == null || a.sameChannel(b);
    }

    Mode mode(SendCall s) {
        return facts.mode(s.participant(), s.mode());
    }

    Mode mode(ReceiveCall r) {
        return facts.mode(r.participant(), r.mode());
    }

    List<ReceiveCall> receivesOn(ChannelEnd end) {
        return history.receives().stream().filter(r -> same(end, r.end())).toList();
    }

    List<SendCall> sendsOn(ChannelEnd end) {
        return history.sends().stream().filter(s -> same(end, s.end())).toList();
    }

    /** Receive calls on the sender's channel that returned the message {@code s} sent. */
    List<ReceiveCall> collectorsOf(SendCall s) {
        MessageKey key = s.key();
        return receivesOn(s.end()).stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The receive call that collected {@code s}: the first collector ending after s began, else the first. */
    ReceiveCall collectorOf(SendCall s) {
        List<ReceiveCall> all = collectorsOf(s);
        return all.stream().filter(r -> r.endT() >= s.beginT()).findFirst().orElse(all.isEmpty() ? null : all.get(0));
    }

    /**
     * Instants at which a receiver on the channel began receiving: every recv_begin, and every
     * receive_many request (its recording precedes the endpoint's start of the batch, so it errs
     * early, in the implementation's favour).
     */
    List<Long> receiveStarts(ChannelEnd end) {
        List<Long> out = new ArrayList<>();
        receivesOn(end).forEach(r -> out.add(r.beginT()));
        for (Batch b : history.batches()) {
            if (!b.isSend() && same(end, b.end()) && b.request() != null) {
                out.add(b.request().time());
            }
        }
        out.sort(Long::compare);
        return out;
    }

    /** First KILLED or EXITED mark of {@code participant} at or after index 0, or null. */
    Entry goneMark(String participant) {
        return history.entries().stream()
                .filter(e -> e.participant().equals(participant)
                        && (e.kind() == Entry.Kind.KILLED || e.kind() == Entry.Kind.EXITED))
                .findFirst().orElse(null);
    }

    /** The receiver end on the sender's channel opened most recently before {@code index}, or null. */
    ChannelEnd receiverFor(ChannelEnd senderEnd, int index) {
        ChannelEnd found = null;
        for (ChannelEnd e : history.channelEnds()) {
            if (e.isReceiver() && e.request().index() < index && (senderEnd == null || senderEnd.sameChannel(e))) {
                found = e;
            }
        }
        return found;
    }

    /**
     * Seq values each sender sent {@code ok} on the channel, in send order, per sender id: single
     * sends that ended ok, and the {@code sent} messages of every ended send_many from first_seq on.
     * Text payloads are not included (they have no seq). A send_many that never ended leaves its
     * sender's list unknown: the sender id maps to null.
     */
    Map<Long, List<Long>> sentOk(ChannelEnd end) {
        record Item(int index, long senderId, List<Long> seqs) {
        }
        List<Item> items = new ArrayList<>();
        for (SendCall s : sendsOn(end)) {
            if (!s.sampled() && s.endedWith("ok") && !s.key().isText()) {
                items.add(new Item(s.begin().index(), s.key().senderId(), List.of(s.seq())));
            }
        }
        for (Batch b : history.batches()) {
            if (b.isSend() && same(end, b.end())) {
                long sid = b.end() == null ? 1 : b.end().senderId();
                int index = (b.request() != null ? b.request() : b.finish()).index();
                if (!b.ended()) {
                    items.add(new Item(index, sid, null));
                    continue;
                }
                List<Long> seqs = new ArrayList<>();
                long sent = Math.max(0, b.figure("sent"));
                for (long i = 0; i < sent; i++) {
                    seqs.add(b.firstSeq() + i);
                }
                items.add(new Item(index, sid, seqs));
            }
        }
        items.sort((a, b) -> Integer.compare(a.index(), b.index()));
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        for (Item i : items) {
            if (out.containsKey(i.senderId()) && out.get(i.senderId()) == null) {
                continue;
            }
            if (i.seqs() == null) {
                out.put(i.senderId(), null);
            } else {
                out.computeIfAbsent(i.senderId(), k -> new ArrayList<>()).addAll(i.seqs());
            }
        }
        return out;
    }

    /** Whether any send on the channel (or any send_many range) sent {@code key}, whatever its status. */
    boolean everSent(ChannelEnd end, MessageKey key) {
        if (sendsOn(end).stream().anyMatch(s -> key.equals(s.key()))) {
            return true;
        }
        for (Batch b : history.batches()) {
            if (b.isSend() && same(end, b.end()) && !key.isText()
                    && (b.end() == null ? 1 : b.end().senderId()) == key.senderId()) {
                long count = b.ended() ? b.figure("sent") : b.request() == null ? 0 : b.request().num("count", 0);
                if (key.seq() >= b.firstSeq() && key.seq() < b.firstSeq() + Math.max(count, b.figure("count"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** CRC-32C of seq values as unsigned 64-bit big-endian integers, as 8 lowercase hex digits. */
    static String digest(List<Long> seqs) {
        return SeqDigest.of(seqs);
    }

    /** "seq 1..1000" or "seq 4" or "no messages", for reasons. */
    static String describe(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return "no messages";
        }
        boolean contiguous = true;
        for (int i = 1; i < seqs.size(); i++) {
            contiguous &= seqs.get(i) == seqs.get(i - 1) + 1;
        }
        if (seqs.size() == 1) {
            return "seq " + seqs.get(0);
        }
        return seqs.size() + " messages, seq " + seqs.get(0) + (contiguous ? ".." : " ... ") + seqs.get(seqs.size() - 1)
                + (contiguous ? "" : " (not contiguous)");
    }
}
