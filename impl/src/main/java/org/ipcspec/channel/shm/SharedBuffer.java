package org.ipcspec.channel.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct (memory-mapped) buffer shared with other processes, read and written little-endian.
 * The memory ordering of every access is in its name: plain {@code getInt}/{@code putInt} for
 * bytes that a release/acquire pair already orders, {@code *Acquire}/{@code *Release} for the
 * words that publish, {@code compareAndSet*} for the words several processes race on.
 *
 * <p>The ordered accesses go through {@link MethodHandles#byteBufferViewVarHandle}, which gives
 * atomic access modes on direct buffers at aligned indexes; every ordered word of the layout is
 * aligned to its size, and an unaligned index throws {@link IllegalStateException}.
 */
final class SharedBuffer {

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer buffer;

    SharedBuffer(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a shared buffer must be direct (mapped): buffer=" + buffer);
        }
        this.buffer = buffer.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }

    int capacity() {
        return buffer.capacity();
    }

    int getInt(int index) {
        return buffer.getInt(index);
    }

    void putInt(int index, int value) {
        buffer.putInt(index, value);
    }

    long getLong(int index) {
        return buffer.getLong(index);
    }

    void putLong(int index, long value) {
        buffer.putLong(index, value);
    }

    int getIntAcquire(int index) {
        return (int) INT.getAcquire(buffer, index);
    }

    void putIntRelease(int index, int value) {
        INT.setRelease(buffer, index, value);
    }

    long getLongAcquire(int index) {
        return (long) LONG.getAcquire(buffer, index);
    }

    long getLongVolatile(int index) {
        return (long) LONG.getVolatile(buffer, index);
    }

    void putLongRelease(int index, long value) {
        LONG.setRelease(buffer, index, value);
    }

    /** Full fence on both sides, like a volatile read and write. */
    boolean compareAndSetLong(int index, long expected, long value) {
        return LONG.compareAndSet(buffer, index, expected, value);
    }

    /** Copies {@code length} bytes from {@code src} at {@code srcIndex} (its position is untouched). */
    void putBytes(int index, ByteBuffer src, int srcIndex, int length) {
        buffer.put(index, src, srcIndex, length);
    }

    void putBytes(int index, byte[] src) {
        buffer.put(index, src);
    }

    /** Copies {@code length} bytes into {@code dst} at {@code dstIndex} (its position is untouched). */
    void getBytes(int index, ByteBuffer dst, int dstIndex, int length) {
        dst.put(dstIndex, buffer, index, length);
    }

    void getBytes(int index, byte[] dst) {
        buffer.get(index, dst);
    }
}
