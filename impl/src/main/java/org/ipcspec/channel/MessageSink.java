package org.ipcspec.channel;

/** Takes the messages a receiver collects in one run ({@link Receiver#receiveReady}). */
@FunctionalInterface
public interface MessageSink {

    /** One collected message: {@code length} bytes of {@code array} from {@code offset}, valid during the call only. */
    void accept(byte[] array, int offset, int length);
}
