package org.ipcspec.harness.profile;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of wire formats a profile may declare under {@code wire}. A name is
 * {@code <format>/<major version>}; two implementations can be paired on a transport only when
 * they declare the same name there. The {@code ipcspec-*} names are the formats of
 * docs/wire-formats.md, one per transport, and only the versions that document defines are
 * accepted; any other name is an implementation's own documented format.
 */
final class WireFormat {

    /** The documented formats: transport to the format's name, and the versions docs/wire-formats.md defines. */
    static final Map<String, String> DOCUMENTED = Map.of("shm", "ipcspec-shm", "file", "ipcspec-file",
            "socket", "ipcspec-socket");
    static final int DOCUMENTED_VERSION = 1;

    private static final Pattern NAME = Pattern.compile("([a-z0-9][a-z0-9._-]*)/([1-9][0-9]{0,8})");

    private WireFormat() {
    }

    /**
     * Why {@code value} cannot be the wire format of {@code transport}, or empty when it can.
     * The reasons are phrased to follow "value '...': ".
     */
    static Optional<String> problem(String transport, String value) {
        Matcher m = NAME.matcher(value);
        if (!m.matches()) {
            return Optional.of("not a wire format name; write <format>/<major version>, e.g. "
                    + DOCUMENTED.get(transport) + "/" + DOCUMENTED_VERSION);
        }
        String format = m.group(1);
        int version = Integer.parseInt(m.group(2));
        String expected = DOCUMENTED.get(transport);
        if (format.startsWith("ipcspec-")) {
            if (!format.equals(expected)) {
                String owner = DOCUMENTED.entrySet().stream().filter(e -> e.getValue().equals(format))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                return Optional.of(owner != null
                        ? "is the wire format of transport '" + owner + "'; transport '" + transport + "' speaks "
                          + expected + "/" + DOCUMENTED_VERSION
                        : "no such documented format; the one for transport '" + transport + "' is "
                          + expected + "/" + DOCUMENTED_VERSION);
            }
            if (version != DOCUMENTED_VERSION) {
                return Optional.of("docs/wire-formats.md defines only version " + DOCUMENTED_VERSION + " of "
                        + expected + " (write " + expected + "/" + DOCUMENTED_VERSION + ")");
            }
        }
        return Optional.empty();
    }
}
