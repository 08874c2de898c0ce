package org.ipcspec.harness.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcspec.harness.history.Mode;

/**
 * What checkers need to know that the history does not say. Most parameters (mode, address,
 * capacity, timeout_ms, content_type, sizes, kills) are read from the recorded requests and marks;
 * a fact given here wins over what the history says, for the few cases where the history cannot
 * show it. Build with {@link #builder()}; {@link #NONE} when the history says it all.
 *
 * @param modes         participant to its mode, overriding the open request's mode
 * @param capacity      the channel's capacity, overriding the receiver's open request (S2)
 * @param timeoutMs     timeout_ms of calls whose request was not recorded (T1)
 * @param expectBlocked participants whose last send or receive must still be blocked when the
 *                      history ends, blocked for at least the blocked bound (S1, R1)
 * @param files         what the channel created on disk, as observed (P1)
 * @param transport     the transport, overriding the open requests (D1, THROUGHPUT, LATENCY)
 * @param messageSize   the message size of a bulk run, overriding the send_many request
 */
public record ScenarioFacts(Map<String, Mode> modes, Long capacity, Long timeoutMs, Set<String> expectBlocked,
                            List<ObservedFile> files, String transport, Long messageSize) {

    public static final ScenarioFacts NONE = builder().build();

    public ScenarioFacts {
        modes = Map.copyOf(modes);
        expectBlocked = Set.copyOf(expectBlocked);
        files = List.copyOf(files);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The participant's mode: this fact if given, else {@code fromHistory}. */
    public Mode mode(String participant, Mode fromHistory) {
        return modes.getOrDefault(participant, fromHistory);
    }

    /** Builds facts; every setter is optional. */
    public static final class Builder {
        private final Map<String, Mode> modes = new LinkedHashMap<>();
        private Long capacity;
        private Long timeoutMs;
        private final Set<String> expectBlocked = new LinkedHashSet<>();
        private final List<ObservedFile> files = new ArrayList<>();
        private String transport;
        private Long messageSize;

        private Builder() {
        }

        public Builder mode(String participant, Mode mode) {
            modes.put(participant, mode);
            return this;
        }

        public Builder capacity(long capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder timeoutMs(long timeoutMs) {
            this.timeoutMs = timeoutMs;
            return this;
        }

        public Builder expectBlocked(String participant) {
            expectBlocked.add(participant);
            return this;
        }

        public Builder file(String path, boolean directory, int mode) {
            files.add(new ObservedFile(path, directory, mode));
            return this;
        }

        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        public Builder messageSize(long size) {
            this.messageSize = size;
            return this;
        }

        public ScenarioFacts build() {
            return new ScenarioFacts(modes, capacity, timeoutMs, expectBlocked, files, transport, messageSize);
        }
    }
}
