package org.ipcspec.channel.shm;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.Transport;

/** Placeholder until the shm transport lands. */
public final class ShmTransport implements Transport {

    @Override
    public String name() {
        return "shm";
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "shm transport not built yet");
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "shm transport not built yet");
    }
}
