package org.ipcspec.channel.file;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.Transport;

/** Placeholder until the file transport lands. */
public final class FileTransport implements Transport {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "file transport not built yet");
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "file transport not built yet");
    }
}
