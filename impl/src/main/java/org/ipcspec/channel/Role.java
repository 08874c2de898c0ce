package org.ipcspec.channel;

/** Which end of a channel a process holds. The receiver owns the channel; senders attach. */
public enum Role {
    SENDER,
    RECEIVER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
