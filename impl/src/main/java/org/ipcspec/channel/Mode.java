package org.ipcspec.channel;

/**
 * How a channel end waits. For a sender it is the send mode, for a receiver the receive mode.
 *
 * <ul>
 *   <li>{@link #SYNC}: a send returns once the receiver has collected the message; a receive
 *       waits until a message exists (or its timeout passes).</li>
 *   <li>{@link #ASYNC}: a send returns as soon as the channel accepted the message (or says
 *       {@code FULL}); a receive returns {@code EMPTY} at once when nothing is there.</li>
 * </ul>
 */
public enum Mode {
    SYNC,
    ASYNC;

    /** The protocol spelling: {@code sync} or {@code async}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
