package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * async-receive-waits-on-file (R2): on the file transport alone, an asynchronous receive of an
 * empty spool polls until a message file appears instead of returning empty.
 */
final class AsyncReceiveWaitsOnFile extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receiversOn("async-receive-waits-on-file", "file", AsyncReceiveWaitsOnFile::new);
    }

    private AsyncReceiveWaitsOnFile(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        while (status == ReceiveStatus.EMPTY && delegate.mode() == Mode.ASYNC) {
            Stall.nanos(10_000_000L);
            status = delegate.receive(into, timeoutNanos);
        }
        return status;
    }
}
