package org.ipcspec.channel.file;

/**
 * Names of message files. A name is three dot-separated fields, all fixed width, so that plain
 * byte-wise (ASCII) order of names is the collection order:
 *
 * <pre>
 *   TTTTTTTTTTTTTTTTTTT.IIIIIIIIII-NNNNNNNNNNNNNNNN.CCCCCCCCCCCCCCCCCCC
 *   time (19 decimal)   sender key                  counter (19 decimal)
 *                       (sender id, 10 decimal; '-'; open nonce, 16 lowercase hex)
 * </pre>
 *
 * <ul>
 *   <li>time: wall-clock microseconds since the epoch, never decreasing within one sender (a
 *       sender uses the larger of the clock and its previous value). Wall-clock rather than
 *       monotonic time, because the monotonic clock restarts at boot and leftovers must keep
 *       sorting before what is sent after a reboot. Across senders it orders roughly by send time,
 *       so no sender starves another.</li>
 *   <li>sender key: unique per sender open; the receiver uses it to group a sender's files.</li>
 *   <li>counter: 1, 2, 3, ... per sender open, counting files renamed into {@code new/}; it breaks
 *       ties between equal times of one sender.</li>
 * </ul>
 * Within one sender both time and counter increase, so its files sort in the order they were sent.
 */
final class MessageName {

    static final int TIME_DIGITS = 19;
    static final int COUNTER_DIGITS = 19;
    static final int SENDER_ID_DIGITS = 10;

    private MessageName() {
    }

    /** The sender key of one sender open. */
    static String senderKey(int senderId, long nonce) {
        StringBuilder b = new StringBuilder(SENDER_ID_DIGITS + 17);
        padDecimal(b, Integer.toUnsignedLong(senderId), SENDER_ID_DIGITS);
        return b.append('-').append(hex16(nonce)).toString();
    }

    static String format(long timeMicros, String senderKey, long counter) {
        StringBuilder b = new StringBuilder(TIME_DIGITS + senderKey.length() + COUNTER_DIGITS + 2);
        padDecimal(b, timeMicros, TIME_DIGITS);
        b.append('.').append(senderKey).append('.');
        padDecimal(b, counter, COUNTER_DIGITS);
        return b.toString();
    }

    /**
     * The sender key of a name: what lies between the first and the last dot. A name that does not
     * have that shape is its own group (its content is checked when it is collected anyway).
     */
    static String keyOf(String name) {
        int first = name.indexOf('.');
        int last = name.lastIndexOf('.');
        return first >= 0 && last > first ? name.substring(first + 1, last) : name;
    }

    static String hex16(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static void padDecimal(StringBuilder b, long value, int width) {
        String digits = Long.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException("does not fit a " + width + "-digit field: value=" + value);
        }
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        b.append(digits);
    }
}
