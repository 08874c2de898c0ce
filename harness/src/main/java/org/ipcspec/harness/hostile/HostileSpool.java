package org.ipcspec.harness.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Puts one file that is not an intact message into a file channel's queue, the way a sender
 * publishes one (docs/wire-formats.md, "Sending, in order"): written in {@code tmp/} under a
 * well-formed name, then renamed into {@code new/}. Its name sorts after what was sent before it
 * and before what is sent after, so the receiver meets it between real messages.
 */
final class HostileSpool {

    static final int MAGIC = 0x4950464D;
    static final int PAYLOAD = 64;

    private HostileSpool() {
    }

    static String write(Path address, HostileWrite what) throws IOException {
        byte[] file = switch (what) {
            case TRUNCATED_FILE -> Arrays.copyOf(messageFile(false), 20 + PAYLOAD / 2);
            case GARBAGE_FILE -> "this is not a message file, only bytes in the queue; a receiver must not deliver it\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            case BAD_CRC_FILE -> messageFile(true);
            default -> throw new IllegalArgumentException(what + " is not a spool file");
        };
        long micros = System.currentTimeMillis() * 1000;
        String name = String.format("%019d.%010d-%016x.%019d", micros, HostileWrite.SENDER_ID, 0x0badc0de0badc0deL, 1);
        Path tmp = address.resolve("tmp").resolve(name);
        Files.write(tmp, file);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, address.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return "new/" + name + ", " + file.length + " bytes: " + what.words();
    }

    /** An intact message file of the hostile payload, or one with a bit of its payload flipped after the CRC. */
    static byte[] messageFile(boolean badCrc) {
        byte[] payload = HostilePayload.of(PAYLOAD);
        ByteBuffer b = ByteBuffer.allocate(20 + PAYLOAD);
        b.putInt(MAGIC).putInt(1).putInt((int) HostileWrite.SENDER_ID).putInt(PAYLOAD);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        crc.update(payload);
        b.putInt((int) crc.getValue()).put(payload);
        byte[] out = b.array();
        if (badCrc) {
            out[20 + PAYLOAD - 1] ^= 1;
        }
        return out;
    }
}
