package org.ipcspec.harness.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults that lie in what they report rather than in what they do: the reference endpoint's
 * stdout, each line rewritten before it leaves the process. The channel is untouched; only the
 * figures and timestamps the harness is told are false.
 */
final class LyingLines extends OutputStream {

    private final OutputStream out;
    private final UnaryOperator<String> lie;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LyingLines(OutputStream out, UnaryOperator<String> lie) {
        this.out = out;
        this.lie = lie;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            String told = lie.apply(line.toString(StandardCharsets.UTF_8));
            if (!told.isEmpty()) {
                out.write((told + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static final Pattern T = Pattern.compile("\"t\":(\\d+)");
    private static final Pattern FIRST_T = Pattern.compile("\"first_t\":(\\d+)");
    private static final Pattern LAST_T = Pattern.compile("\"last_t\":(\\d+)");
    private static final Pattern LATENCY = Pattern.compile("\"latency_ns\":\\{[^}]*}");
    private static final Pattern ROUND_TRIP = Pattern.compile("\"round_trip_ns\":\\{[^}]*}");

    /** backdates-receives (C1): every recv_end says it happened a second before it did. */
    static String backdatesReceives(String line) {
        if (!line.contains("\"event\":\"recv_end\"")) {
            return line;
        }
        Matcher t = T.matcher(line);
        return t.find() ? t.replaceFirst("\"t\":" + (Long.parseLong(t.group(1)) - 1_000_000_000L)) : line;
    }

    /** fast-figures (THROUGHPUT, with a slow sender): every batch says it took a millisecond. */
    static String claimsAMillisecond(String line) {
        Matcher last = LAST_T.matcher(line);
        if (!line.contains("first_t") || !last.find()) {
            return line;
        }
        long end = Long.parseLong(last.group(1));
        return FIRST_T.matcher(line).replaceAll("\"first_t\":" + (end - 1_000_000L));
    }

    /**
     * hides-its-wait (S2, with an asynchronous send that waits a second): each send_begin is held
     * back and told with its send_end, dated a microsecond before it, so the endpoint's own times
     * say the send was quick. One lie at a time: a stateful rewrite, one per process.
     */
    static UnaryOperator<String> hidesItsWait() {
        String[] held = new String[1];
        return line -> {
            if (line.contains("\"event\":\"send_begin\"")) {
                held[0] = line;
                return "";
            }
            if (held[0] != null && line.contains("\"event\":\"send_end\"")) {
                Matcher end = T.matcher(line);
                String begin = held[0];
                held[0] = null;
                if (end.find()) {
                    begin = T.matcher(begin).replaceFirst("\"t\":" + (Long.parseLong(end.group(1)) - 1_000L));
                }
                return begin + "\n" + line;
            }
            return line;
        };
    }

    /** understates-latency (LATENCY): every batch reports a microsecond for every percentile. */
    static String microsecondLatency(String line) {
        return LATENCY.matcher(line).replaceAll("\"latency_ns\":{\"p50\":1000,\"p90\":1000,\"p99\":1000,\"p999\":1000,\"max\":1000}");
    }

    /**
     * understates-round-trips: a slow endpoint (every send spins 100 us first, {@link Slow}, so a
     * request and its acknowledgement take at least 200 us) that reports every request/reply round
     * trip as 1 us. No sample contradicts it (the sampled events are sends); the harness's clock
     * does, since the round trips follow one another and 5,000 of them cannot take 5 ms when the
     * batch took a second. Why slow as well: the check allows 200 ms of the batch's time outside its
     * round trips (LatencyCheck.UNACCOUNTED_NANOS, for wake-ups on a loaded machine), and the
     * reference's own 5,000 round trips at 64 B now fit in that (CI: a failing run, 10-40 us each),
     * so lying about them is a lie too small for the harness's clock to tell.
     */
    static String microsecondRoundTrips(String line) {
        return ROUND_TRIP.matcher(line).replaceAll("\"round_trip_ns\":{\"p50\":1000,\"p90\":1000,\"p99\":1000,\"p999\":1000,\"max\":1000}");
    }
}
