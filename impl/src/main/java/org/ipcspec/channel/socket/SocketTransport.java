package org.ipcspec.channel.socket;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.Transport;

/** Placeholder until the socket transport lands. */
public final class SocketTransport implements Transport {

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "socket transport not built yet");
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        return Opened.refused(OpenStatus.IO, "socket transport not built yet");
    }
}
