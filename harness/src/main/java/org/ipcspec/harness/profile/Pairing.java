package org.ipcspec.harness.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mixed run's two implementations: every sender process is started from {@code sender}'s
 * command, every receiver from {@code receiver}'s. They can be paired on a transport only where
 * both declare the same wire format (docs/profiles.md#wire-formats); a scenario on another
 * transport is unsupported, for a reason naming both formats. The pair is judged by the looser of
 * the two profiles' bounds and thresholds ({@link #merged()}): a mixed run tests that the two talk,
 * not that the slower one is as fast as the faster.
 */
public record Pairing(Profile sender, Profile receiver) {

    /** Participants named with this word ("sender", "second sender", "sender 2") are started from the sender's profile. */
    private static final java.util.regex.Pattern SENDER = java.util.regex.Pattern.compile("(^|\\s)sender(\\s|$)");

    /** "ipcspec-reference x ipcspec-python-example": sender first. */
    public String name() {
        return sender.name() + " x " + receiver.name();
    }

    /**
     * The profile a participant is started from: "sender", "second sender", "sender 2" from the
     * sender's; "receiver", "new receiver", "second receiver" and any other (an "endpoint" of a transport-less scenario talks to nobody, so
     * the receiver's implementation answers it: a self-pair has already checked the sender's).
     */
    public Profile profileFor(String participant) {
        return SENDER.matcher(participant).find() ? sender : receiver;
    }

    /** Whether the pair is two implementations rather than one against itself (a self-pair). */
    public boolean crossed() {
        return !sender.name().equals(receiver.name());
    }

    /** Why the two cannot be paired on {@code transport}, or empty when they can. */
    public Optional<String> unsupported(String transport) {
        for (Profile p : List.of(sender, receiver)) {
            if (!p.claims(transport)) {
                return Optional.of("the profile of " + p.name() + " does not claim the " + transport + " transport");
            }
        }
        String from = sender.wireFormat(transport).orElse("a private format");
        String to = receiver.wireFormat(transport).orElse("a private format");
        if (sender.wireFormat(transport).isEmpty() || !from.equals(to)) {
            return Optional.of("no common wire format on " + transport + ": the sender " + sender.name() + " speaks "
                    + from + ", the receiver " + receiver.name() + " speaks " + to);
        }
        return Optional.empty();
    }

    /**
     * One profile for the pair, for the harness's bounds and reports: the transports both can be
     * paired on, the looser of each bound, the looser of each threshold (a threshold only one
     * profile states is not checked: the other implementation promised nothing there), the smaller
     * bulk count. Its command is the sender's; the processes are started from {@link #profileFor}.
     */
    public Profile merged() {
        List<String> transports = new ArrayList<>();
        Map<String, String> wire = new LinkedHashMap<>();
        for (String t : sender.transports()) {
            if (unsupported(t).isEmpty()) {
                transports.add(t);
                wire.put(t, sender.wireFormat(t).orElseThrow());
            }
        }
        Map<String, Long> bulk = new LinkedHashMap<>();
        for (String t : transports) {
            bulk.put(t, Math.min(sender.bulkCount(t), receiver.bulkCount(t)));
        }
        return new Profile(sender.file(), name(), sender.command(), sender.env(), transports,
                looser(sender.bounds(), receiver.bounds()), bulk, Math.max(sender.sampleEvery(), receiver.sampleEvery()), wire);
    }

    /** Each bound the larger (every bound is a limit the implementation must stay within), each threshold the looser. */
    static Bounds looser(Bounds a, Bounds b) {
        Map<String, Map<Integer, Threshold>> thresholds = new LinkedHashMap<>();
        a.thresholds().forEach((transport, bySize) -> bySize.forEach((size, ta) -> {
            Threshold tb = b.threshold(transport, size).orElse(null);
            if (tb != null) {
                Threshold t = looser(ta, tb);
                if (t.minMessagesPerSecond() != null || t.maxP99Micros() != null) {
                    thresholds.computeIfAbsent(transport, k -> new LinkedHashMap<>()).put(size, t);
                }
            }
        }));
        return new Bounds(Math.max(a.nonBlockingMs(), b.nonBlockingMs()), Math.max(a.blockedMs(), b.blockedMs()),
                Math.max(a.crashMs(), b.crashMs()), Math.max(a.startMs(), b.startMs()),
                Math.max(a.timeoutToleranceMs(), b.timeoutToleranceMs()), thresholds);
    }

    /** The smaller rate floor and the larger latency ceiling; a figure only one states is not checked. */
    static Threshold looser(Threshold a, Threshold b) {
        Double rate = a.minMessagesPerSecond() == null || b.minMessagesPerSecond() == null ? null
                : Math.min(a.minMessagesPerSecond(), b.minMessagesPerSecond());
        Double p99 = a.maxP99Micros() == null || b.maxP99Micros() == null ? null
                : Math.max(a.maxP99Micros(), b.maxP99Micros());
        return new Threshold(rate, p99);
    }
}
