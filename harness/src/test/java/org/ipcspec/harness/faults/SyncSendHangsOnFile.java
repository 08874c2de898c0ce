package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** sync-send-hangs-on-file (S1): on the file transport alone, a synchronous send whose message was collected never returns. */
final class SyncSendHangsOnFile extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.sendersOn("sync-send-hangs-on-file", "file", SyncSendHangsOnFile::new);
    }

    private SyncSendHangsOnFile(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        SendStatus status = delegate.send(message, timeoutNanos);
        if (status == SendStatus.OK && delegate.mode() == Mode.SYNC) {
            Stall.nanos(-1);
        }
        return status;
    }
}
