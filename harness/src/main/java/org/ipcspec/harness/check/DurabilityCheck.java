package org.ipcspec.harness.check;

import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

import java.util.HashSet;
import java.util.Set;

/**
 * D1 (file transport): messages sent ok and not collected before the receiver was killed are
 * collected after a receiver is opened again on the same address. Checks single receives after the
 * reopen; bulk receives after a crash are left to O2's digest.
 */
final class DurabilityCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.D1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (Entry kill : history.marks(Entry.Kind.KILLED)) {
            for (ChannelEnd receiver : history.channelEnds()) {
                if (!receiver.isReceiver() || !receiver.participant().equals(kill.participant())
                        || receiver.request().index() > kill.index()) {
                    continue;
                }
                String transport = facts.transport() != null ? facts.transport() : receiver.transport();
                if (transport != null && !"file".equals(transport)) {
                    continue;
                }
                ChannelEnd reopened = history.channelEnds().stream()
                        .filter(e -> e.isReceiver() && e.opened() && e.request().index() > kill.index() && e.sameChannel(receiver))
                        .findFirst().orElse(null);
                if (reopened == null) {
                    continue;
                }
                Set<MessageKey> before = new HashSet<>();
                Set<MessageKey> after = new HashSet<>();
                for (ReceiveCall r : look.receivesOn(receiver)) {
                    if (r.collected() && r.endT() < kill.time()) {
                        before.add(r.key());
                    } else if (r.collected() && r.begin().index() > reopened.request().index()) {
                        after.add(r.key());
                    }
                }
                for (SendCall s : look.sendsOn(receiver)) {
                    if (!s.endedWith("ok") || s.endT() > kill.time() || before.contains(s.key())) {
                        continue;
                    }
                    f.checked();
                    if (!after.contains(s.key())) {
                        f.violation(s.key() + " was sent ok at " + f.at(s.endT()) + " and not collected before "
                                + kill.participant() + " was killed at " + f.at(kill.time()) + ", but was not collected after "
                                + reopened.participant() + " opened the channel again at " + f.at(reopened.request().time()));
                    }
                }
            }
        }
        return f.verdict("no file-transport receiver killed and opened again with messages left to collect");
    }
}
