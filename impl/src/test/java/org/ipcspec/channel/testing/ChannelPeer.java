package org.ipcspec.channel.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * A test-only peer process for transport tests: opens one channel end from its arguments, then
 * obeys one-word commands on stdin and answers one line each on stdout. Transport tests fork it
 * (see {@link Peer}) to put the two ends in different processes, which is where the bugs are.
 *
 * <pre>
 * args:     TRANSPORT ADDRESS sender|receiver sync|async CAPACITY SENDER_ID [MAX_MESSAGE_BYTES [CONTENT_TYPE]]
 * prints:   open STATUS
 * commands: send SEQ SIZE TIMEOUT_MS  -> sent STATUS
 *           sendn FIRST COUNT SIZE    -> sentn OK_COUNT FULL_COUNT LAST_STATUS   (async sends, no retry)
 *           recv TIMEOUT_MS           -> recv STATUS [SEQ SENDER_ID SIZE INTACT]
 *           close                     -> closed
 * </pre>
 * Payloads: 8-byte seq, 4-byte sender id, then filler byte i = (seq*7 + i) mod 256.
 */
public final class ChannelPeer {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Role role = Role.valueOf(args[2].toUpperCase());
        ChannelSpec spec = new ChannelSpec(args[0], Path.of(args[1]), role, Mode.valueOf(args[3].toUpperCase()),
                Integer.parseInt(args[4]), args.length > 6 ? Integer.parseInt(args[6]) : ChannelSpec.DEFAULT_MAX_MESSAGE_BYTES,
                args.length > 7 ? args[7] : ChannelSpec.DEFAULT_CONTENT_TYPE, Integer.parseInt(args[5]), Duration.ofSeconds(5));
        Sender sender = null;
        Receiver receiver = null;
        if (role == Role.SENDER) {
            Opened<Sender> opened = Channels.openSender(spec);
            sender = opened.end();
            out.println("open " + opened.status().wireName());
        } else {
            Opened<Receiver> opened = Channels.openReceiver(spec);
            receiver = opened.end();
            out.println("open " + opened.status().wireName());
        }
        ByteBuffer in = ByteBuffer.allocate(spec.maxMessageBytes());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "send" -> {
                    SendStatus status = sender.send(payload(Long.parseLong(w[1]), spec.senderId(), Integer.parseInt(w[2])),
                            TimeUnit.MILLISECONDS.toNanos(Long.parseLong(w[3])));
                    out.println("sent " + status.wireName());
                }
                case "sendn" -> {
                    long first = Long.parseLong(w[1]);
                    int count = Integer.parseInt(w[2]);
                    int size = Integer.parseInt(w[3]);
                    int ok = 0;
                    int full = 0;
                    SendStatus last = SendStatus.OK;
                    for (long seq = first; seq < first + count; seq++) {
                        last = sender.send(payload(seq, spec.senderId(), size), 0);
                        if (last == SendStatus.OK) {
                            ok++;
                        } else if (last == SendStatus.FULL) {
                            full++;
                        }
                    }
                    out.println("sentn " + ok + " " + full + " " + last.wireName());
                }
                case "recv" -> {
                    ReceiveStatus status = receiver.receive(in, TimeUnit.MILLISECONDS.toNanos(Long.parseLong(w[1])));
                    if (status == ReceiveStatus.MESSAGE) {
                        long seq = in.getLong(0);
                        out.println("recv message " + seq + " " + Integer.toUnsignedString(in.getInt(8)) + " "
                                + in.remaining() + " " + intact(in, seq));
                    } else {
                        out.println("recv " + status.wireName());
                    }
                }
                case "close" -> {
                    if (sender != null) {
                        sender.close();
                    }
                    if (receiver != null) {
                        receiver.close();
                    }
                    out.println("closed");
                }
                default -> out.println("error unknown command " + w[0]);
            }
        }
    }

    public static ByteBuffer payload(long seq, int senderId, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 12));
        b.putLong(0, seq).putInt(8, senderId);
        for (int i = 12; i < b.capacity(); i++) {
            b.put(i, (byte) (seq * 7 + i));
        }
        return b;
    }

    /** The payloads of seqs {@code first, first+1, ...}: a run for {@code Sender.sendRun}. */
    public static org.ipcspec.channel.MessageSource run(long first, int senderId, int size) {
        return (index, target, at) -> target.put(at, payload(first + index, senderId, size).array(), 0, size);
    }

    /** A sink that checks each message of a run and keeps its seq. */
    public static org.ipcspec.channel.MessageSink collectingSeqs(java.util.List<Long> seqs, int size) {
        return given -> {
            ByteBuffer message = given.slice();
            long seq = message.getLong(0);
            if (message.remaining() != size || !intact(message, seq)) {
                throw new AssertionError("message of a run not intact: seq=" + seq + " length=" + message.remaining());
            }
            seqs.add(seq);
        };
    }

    public static boolean intact(ByteBuffer message, long seq) {
        for (int i = 12; i < message.remaining(); i++) {
            if (message.get(message.position() + i) != (byte) (seq * 7 + i)) {
                return false;
            }
        }
        return true;
    }
}
