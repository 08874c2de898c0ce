package org.ipcspec.harness.faults;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.ipcspec.endpoint.Endpoint;

/**
 * The reference endpoint with one deliberate fault: {@code java -cp <endpoint jar>:<test classes>
 * org.ipcspec.harness.faults.FaultyEndpoint <fault>}. It runs the reference's whole protocol loop
 * ({@link Endpoint#run}) over the real transports, with the channel ends of one fault's
 * {@link FaultyOpener}, so that it is wrong in exactly one way. {@code none} is the control.
 */
public final class FaultyEndpoint {

    /** Every fault by its name, in the order of the self-test. */
    static final Map<String, Supplier<FaultyOpener>> FAULTS = new LinkedHashMap<>();
    /** The faults whose lie is in the lines they write, by name. */
    static final Map<String, UnaryOperator<String>> LIES = new LinkedHashMap<>();

    static {
        for (Supplier<FaultyOpener> fault : java.util.List.<Supplier<FaultyOpener>>of(
                FaultyOpener::none,
                SyncSendReturnsEarly::opener,
                AsyncSendBlocks::opener,
                AsyncReceiveBlocks::opener,
                SyncReceiveReturnsEmpty::opener,
                Reorder::opener,
                Drop::opener,
                Duplicate::opener,
                Corrupt::opener,
                NeverFull::opener,
                EarlyTimeout::opener,
                IgnoresReceiverDeath::opener,
                WorldReadable::opener,
                TornRecord::opener,
                AcceptsSecondReceiver::opener,
                IgnoresFormat::opener,
                TooLargeAccepted::opener,
                Slow::opener,
                StallsOnce::opener,
                ForgetsOnCrash::opener,
                AsyncSendHangs::opener,
                AsyncReceiveWaits::opener,
                SyncReceiveHangsOnSocket::opener,
                IgnoresTimeout::opener,
                SyncSendHangsOnFile::opener,
                DropsUnderLoad::opener,
                ReordersUnderLoad::opener,
                AcceptsSecondReceiver::onSocket,
                LosesAcrossPause::opener,
                SwallowsWriteErrors::opener,
                ReconnectsSilently::opener,
                DeliversGarbage::opener,
                IgnoresFormat::onFile,
                WorldReadable::onShm,
                IgnoresReceiverDeath::onSocket,
                AsyncSendHangs::onSocket,
                AsyncReceiveWaits::onFile,
                IgnoresTimeout::onSocket,
                StallsPeriodically::opener,
                StallsPeriodically::longly,
                DelaysAcknowledgements::opener,
                SendsInBursts::opener)) {
            FAULTS.put(fault.get().fault(), fault);
        }
        lying("backdates-receives", FaultyOpener::none, LyingLines::backdatesReceives);
        lying("slow-with-fast-figures", Slow::opener, LyingLines::claimsAMillisecond);
        lying("understates-latency", FaultyOpener::none, LyingLines::microsecondLatency);
        lying("understates-round-trips", Slow::opener, LyingLines::microsecondRoundTrips);
        FAULTS.put(RefusesOptionalFields.FAULT, () -> new FaultyOpener(RefusesOptionalFields.FAULT, FaultyOpener.none()));
        lying("hides-its-wait", AsyncSendBlocks::opener, LyingLines.hidesItsWait());
    }

    private static void lying(String fault, Supplier<FaultyOpener> channels, UnaryOperator<String> lie) {
        FAULTS.put(fault, () -> new FaultyOpener(fault, channels.get()));
        LIES.put(fault, lie);
    }

    private FaultyEndpoint() {
    }

    public static void main(String[] args) {
        Supplier<FaultyOpener> fault = args.length == 1 ? FAULTS.get(args[0]) : null;
        if (fault == null) {
            System.err.println("usage: FaultyEndpoint <fault>; faults: " + String.join(", ", FAULTS.keySet()));
            System.exit(2);
        }
        OutputStream stdout = new SynchronizedOutput(new FileOutputStream(FileDescriptor.out));
        UnaryOperator<String> lie = LIES.get(args[0]);
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        if (args[0].equals(RefusesOptionalFields.FAULT)) {
            try {
                stdin = RefusesOptionalFields.filter(stdin, stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int code = Endpoint.run(stdin, lie == null ? stdout : new LyingLines(stdout, lie), fault.get());
        System.exit(code);
    }

    /** One lock for every write to stdout: the endpoint's lines and those a fault writes itself. */
    private static final class SynchronizedOutput extends java.io.FilterOutputStream {

        SynchronizedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
