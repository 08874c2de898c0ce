package org.ipcspec.channel.shm;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import sun.misc.Unsafe;

/**
 * A direct (memory-mapped) buffer shared with other processes, read and written little-endian.
 * The memory ordering of every access is in its name: plain {@code getInt}/{@code putInt} for
 * bytes that a release/acquire pair already orders, {@code *Acquire}/{@code *Release} for the
 * words that publish, {@code compareAndSet*} for the words several processes race on.
 *
 * <p>Accesses go through {@code sun.misc.Unsafe} at the mapping's address, as Agrona's buffers
 * do, each behind one bounds check of its own: JFR put the JDK 17 {@code ByteBuffer} and
 * byte-buffer {@code VarHandle} paths (index, scope and segment checks: {@code Buffer.checkIndex},
 * {@code bufferSegment}, {@code ByteBufferHandle.scope}) at a fifth of a 64-byte message's cost in
 * the shm endpoints. The mapping stays reachable from here, so it is never unmapped under us.
 * Ordered words must be aligned to their size, as every ordered word of the layout is; an
 * unaligned one throws {@link IllegalStateException}, as the {@code VarHandle}s did.
 */
final class SharedBuffer {

    private static final Unsafe UNSAFE = unsafe();
    private static final long ADDRESS_FIELD_OFFSET = addressFieldOffset();
    private static final long BYTE_ARRAY_BASE = UNSAFE.arrayBaseOffset(byte[].class);
    /** The layout is little-endian; on a big-endian machine every value is swapped. */
    private static final boolean SWAP = ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;
    /** Copies up to this many bytes go a long at a time rather than through the copy stub. */
    static final int SMALL_COPY = 256;

    /** Held so that the mapping lives as long as this object: its address is used raw. */
    private final ByteBuffer buffer;
    private final long address;
    private final int capacity;

    SharedBuffer(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a shared buffer must be direct (mapped): buffer=" + buffer);
        }
        this.buffer = buffer.duplicate();
        this.address = UNSAFE.getLong(buffer, ADDRESS_FIELD_OFFSET);
        this.capacity = buffer.capacity();
    }

    int capacity() {
        return capacity;
    }

    /**
     * A read-only view of the whole mapping in the JDK's default (big-endian) order, for reading
     * a message in place; its position and limit are the caller's to set.
     */
    ByteBuffer readOnlyView() {
        return buffer.asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN).clear();
    }

    /** A writable view of the whole mapping in big-endian order, for writing a message in place. */
    ByteBuffer writableView() {
        return buffer.duplicate().order(ByteOrder.BIG_ENDIAN).clear();
    }

    int getInt(int index) {
        return order(UNSAFE.getInt(null, at(index, 4)));
    }

    void putInt(int index, int value) {
        UNSAFE.putInt(null, at(index, 4), order(value));
    }

    long getLong(int index) {
        return order(UNSAFE.getLong(null, at(index, 8)));
    }

    void putLong(int index, long value) {
        UNSAFE.putLong(null, at(index, 8), order(value));
    }

    int getIntAcquire(int index) {
        // A volatile load is what Unsafe offers; on x86 it is the same plain mov as an acquire.
        return order(UNSAFE.getIntVolatile(null, aligned(index, 4)));
    }

    void putIntRelease(int index, int value) {
        UNSAFE.putOrderedInt(null, aligned(index, 4), order(value));
    }

    long getLongAcquire(int index) {
        return order(UNSAFE.getLongVolatile(null, aligned(index, 8)));
    }

    long getLongVolatile(int index) {
        return order(UNSAFE.getLongVolatile(null, aligned(index, 8)));
    }

    void putLongRelease(int index, long value) {
        UNSAFE.putOrderedLong(null, aligned(index, 8), order(value));
    }

    /** Full fence on both sides, like a volatile read and write. */
    boolean compareAndSetLong(int index, long expected, long value) {
        return UNSAFE.compareAndSwapLong(null, aligned(index, 8), order(expected), order(value));
    }

    /** Copies {@code length} bytes from {@code src} at {@code srcIndex} (its position is untouched). */
    void putBytes(int index, ByteBuffer src, int srcIndex, int length) {
        long to = at(index, length);
        if (srcIndex < 0 || length > src.limit() - srcIndex) {
            throw new IndexOutOfBoundsException("source range: srcIndex=" + srcIndex + " length=" + length + " limit=" + src.limit());
        }
        if (src.hasArray()) {
            copy(src.array(), BYTE_ARRAY_BASE + src.arrayOffset() + srcIndex, null, to, length);
        } else {
            buffer.put(index, src, srcIndex, length);
        }
    }

    /** Copies {@code length} bytes of {@code src} from {@code srcIndex}. */
    void putBytes(int index, byte[] src, int srcIndex, int length) {
        long to = at(index, length);
        if (srcIndex < 0 || length > src.length - srcIndex) {
            throw new IndexOutOfBoundsException("source range: srcIndex=" + srcIndex + " length=" + length
                    + " capacity=" + src.length);
        }
        copy(src, BYTE_ARRAY_BASE + srcIndex, null, to, length);
    }

    void putBytes(int index, byte[] src) {
        putBytes(index, src, 0, src.length);
    }

    /** Copies {@code length} bytes into {@code dst} at {@code dstIndex} (its position is untouched). */
    void getBytes(int index, ByteBuffer dst, int dstIndex, int length) {
        long from = at(index, length);
        if (dstIndex < 0 || length > dst.capacity() - dstIndex) {
            throw new IndexOutOfBoundsException("destination range: dstIndex=" + dstIndex + " length=" + length
                    + " capacity=" + dst.capacity());
        }
        if (dst.hasArray()) {
            copy(null, from, dst.array(), BYTE_ARRAY_BASE + dst.arrayOffset() + dstIndex, length);
        } else {
            dst.put(dstIndex, buffer, index, length);
        }
    }

    /** Copies {@code length} bytes into {@code dst} from index 0. */
    void getBytes(int index, byte[] dst, int length) {
        if (length > dst.length) {
            throw new IndexOutOfBoundsException("destination too small: length=" + length + " capacity=" + dst.length);
        }
        copy(null, at(index, length), dst, BYTE_ARRAY_BASE, length);
    }

    void getBytes(int index, byte[] dst) {
        getBytes(index, dst, dst.length);
    }

    /**
     * Copies between the mapping and a heap array, both ranges checked by the caller: up to
     * {@link #SMALL_COPY} bytes eight at a time, since the copy stub's call and checks cost more
     * than a 64-byte copy.
     */
    private static void copy(Object srcBase, long srcOffset, Object dstBase, long dstOffset, int length) {
        if (length > SMALL_COPY) {
            UNSAFE.copyMemory(srcBase, srcOffset, dstBase, dstOffset, length);
            return;
        }
        int i = 0;
        // i < whole, not i + 8 <= length: the JIT's counted-loop form, unrolled and without a
        // safepoint poll per pass (~3 ns less per 64-byte message here, as in Payload's filler loops)
        for (int whole = length & ~7; i < whole; i += 8) {
            UNSAFE.putLong(dstBase, dstOffset + i, UNSAFE.getLong(srcBase, srcOffset + i));
        }
        for (; i < length; i++) {
            UNSAFE.putByte(dstBase, dstOffset + i, UNSAFE.getByte(srcBase, srcOffset + i));
        }
    }

    /**
     * The address of {@code length} bytes at {@code index}, checked to lie inside the mapping, for
     * reads and writes at it by the {@code *At} methods: a {@link MappedMessage} checks its range
     * here once, and holds this buffer, so the mapping outlives its accesses.
     */
    long addressOf(int index, int length) {
        return at(index, length);
    }

    static byte getByteAt(long address) {
        return UNSAFE.getByte(address);
    }

    // Big-endian reads and writes: swapped on this little-endian layout's usual machine, as is on a big-endian one.
    static int getIntBigEndianAt(long address) {
        int value = UNSAFE.getInt(address);
        return SWAP ? value : Integer.reverseBytes(value);
    }

    static long getLongBigEndianAt(long address) {
        long value = UNSAFE.getLong(address);
        return SWAP ? value : Long.reverseBytes(value);
    }

    static void putByteAt(long address, byte value) {
        UNSAFE.putByte(address, value);
    }

    static void putIntBigEndianAt(long address, int value) {
        UNSAFE.putInt(address, SWAP ? value : Integer.reverseBytes(value));
    }

    static void putLongBigEndianAt(long address, long value) {
        UNSAFE.putLong(address, SWAP ? value : Long.reverseBytes(value));
    }

    /** The address of {@code length} bytes at {@code index}, which must lie inside the mapping. */
    private long at(int index, int length) {
        if (index < 0 || length < 0 || length > capacity - index) {
            throw new IndexOutOfBoundsException("shared buffer range: index=" + index + " length=" + length
                    + " capacity=" + capacity);
        }
        return address + index;
    }

    private long aligned(int index, int size) {
        long at = at(index, size);
        if ((at & (size - 1)) != 0) {
            throw new IllegalStateException("misaligned ordered access: index=" + index + " size=" + size);
        }
        return at;
    }

    private static int order(int value) {
        return SWAP ? Integer.reverseBytes(value) : value;
    }

    private static long order(long value) {
        return SWAP ? Long.reverseBytes(value) : value;
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a direct buffer keeps its address ({@code java.nio.Buffer.address}); read, never written. */
    private static long addressFieldOffset() {
        try {
            return UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
