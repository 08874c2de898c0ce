package org.ipcspec.harness.spec;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scenario's tags, read once through the {@link Vocabulary}: which rules it exercises, on which
 * transport, in which send/receive combination.
 *
 * @param names   every tag, without '@'
 * @param rules   the rule tags that name a rule, in the order of {@link Rule}
 * @param unknown rule-shaped tags that name no rule (a spec error, kept so it can be reported)
 */
public record ScenarioTags(Set<String> names, Set<Rule> rules, Set<String> unknown) {

    public static final ScenarioTags NONE = of(List.of());

    public ScenarioTags {
        names = Set.copyOf(names);
        rules = Set.copyOf(rules);
        unknown = Set.copyOf(unknown);
    }

    public static ScenarioTags of(Collection<String> tags) {
        Set<String> names = new TreeSet<>();
        EnumSet<Rule> rules = EnumSet.noneOf(Rule.class);
        Set<String> unknown = new TreeSet<>();
        for (String tag : tags) {
            String bare = Vocabulary.bare(tag);
            names.add(bare);
            if (Vocabulary.isRuleTag(bare)) {
                Rule.byId(bare).ifPresentOrElse(rules::add, () -> unknown.add(bare));
            }
        }
        return new ScenarioTags(names, rules, unknown);
    }

    public boolean has(String tag) {
        return names.contains(Vocabulary.bare(tag));
    }

    public boolean has(Rule rule) {
        return rules.contains(rule);
    }

    /** The rules in the order docs/protocol.md lists them. */
    public List<Rule> ruleList() {
        return rules.stream().sorted().toList();
    }

    /** The rule ids, in order: what a report row or label shows. */
    public List<String> ruleIds() {
        return ruleList().stream().map(Rule::name).toList();
    }

    /** "shm", "file", "socket", or {@link Vocabulary#NONE}. */
    public String transport() {
        return names.stream().filter(Vocabulary::isTransport).findFirst().orElse(Vocabulary.NONE);
    }

    public String sendTag() {
        return names.stream().filter(Vocabulary::isSendTag).findFirst().orElse("");
    }

    public String receiveTag() {
        return names.stream().filter(Vocabulary::isReceiveTag).findFirst().orElse("");
    }

    /** "sync-send/async-receive", one half alone, or {@link Vocabulary#NONE}. */
    public String combination() {
        String send = sendTag();
        String receive = receiveTag();
        String both = send.isEmpty() || receive.isEmpty() ? send + receive : send + "/" + receive;
        return both.isEmpty() ? Vocabulary.NONE : both;
    }
}
