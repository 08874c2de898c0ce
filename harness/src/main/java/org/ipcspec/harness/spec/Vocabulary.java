package org.ipcspec.harness.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words scenarios are tagged with, in one place: the transports, the send and receive
 * halves of a combination, and the shape of a rule tag. Reports, the profile, the bench and the
 * tag filter all read them from here, so a new transport is added once.
 */
public final class Vocabulary {

    /** The transports, in the order docs/protocol.md lists them. */
    public static final List<String> TRANSPORTS = List.of("shm", "file", "socket");
    public static final List<String> SEND_TAGS = List.of("sync-send", "async-send");
    public static final List<String> RECEIVE_TAGS = List.of("sync-receive", "async-receive");
    /** The four send/receive combinations, as the matrix and the summary order their columns. */
    public static final List<String> COMBINATIONS = List.of("sync-send/sync-receive", "sync-send/async-receive",
        "async-send/sync-receive", "async-send/async-receive");
    /** Shown where a scenario has no transport or no combination. */
    public static final String NONE = "-";

    /** A rule tag is upper case (S1, O2, THROUGHPUT); every other tag is lower case. */
    private static final Pattern RULE_TAG = Pattern.compile("[A-Z][A-Z0-9]*");

    private Vocabulary() {
    }

    /** A tag without Cucumber's '@'. */
    public static String bare(String tag) {
        return tag.startsWith("@") ? tag.substring(1) : tag;
    }

    public static boolean isRuleTag(String tag) {
        return RULE_TAG.matcher(bare(tag)).matches();
    }

    public static boolean isTransport(String tag) {
        return TRANSPORTS.contains(bare(tag));
    }

    public static boolean isSendTag(String tag) {
        return bare(tag).endsWith("-send");
    }

    public static boolean isReceiveTag(String tag) {
        return bare(tag).endsWith("-receive");
    }

    /** JUnit's tag expression for "a scenario tied to none of the transports": {@code !(shm | file | socket)}. */
    public static String noTransportExpression() {
        return "!(" + String.join(" | ", TRANSPORTS) + ")";
    }
}
