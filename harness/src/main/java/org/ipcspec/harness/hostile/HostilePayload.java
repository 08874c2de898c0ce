package org.ipcspec.harness.hostile;

import java.nio.ByteBuffer;

/**
 * The payload inside what a hostile peer writes: a well-formed generated payload
 * (docs/protocol.md#generated-payloads) of sender {@value HostileWrite#SENDER_ID}, seq
 * {@value HostileWrite#SEQ}, so that a receiver that wrongly delivers it reports an intact message
 * nobody sent, which the harness can tell from every real one.
 */
final class HostilePayload {

    private HostilePayload() {
    }

    static byte[] of(int size) {
        if (size < 24) {
            throw new IllegalArgumentException("a generated payload has at least 24 bytes: size=" + size);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(new byte[] {'I', 'P', 'C', '1'}).putLong(HostileWrite.SEQ).putInt((int) HostileWrite.SENDER_ID).putLong(System.nanoTime());
        for (int i = 24; i < size; i++) {
            b.put((byte) ((HostileWrite.SEQ * 7 + i) & 0xFF));
        }
        return b.array();
    }
}
