package org.ipcspec.channel;

/** Why an open did or did not give a channel end. */
public enum OpenStatus {
    OK,
    /** A live receiver already owns the channel. */
    BUSY,
    /** A sender found no live receiver within its open timeout. */
    NOT_FOUND,
    /** The sender's content type differs from the channel's. */
    FORMAT_MISMATCH,
    /** The operating system refused (permissions, a planted symlink, a bad path, ...). */
    IO;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
