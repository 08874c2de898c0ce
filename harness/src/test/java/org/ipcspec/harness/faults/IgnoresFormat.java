package org.ipcspec.harness.faults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Sender;

/**
 * ignores-format (F1): a sender refused with {@code format_mismatch} opens again with the
 * channel's content type (read from the refusal's message, "channel=TYPE") and reports {@code ok}.
 */
final class IgnoresFormat {

    private static final Pattern CHANNEL_TYPE = Pattern.compile("channel=(\\S+)");

    static FaultyOpener opener() {
        return new FaultyOpener("ignores-format", IgnoresFormat::open, Channels::openReceiver);
    }

    /** ignores-format-on-file (F1): the same, on the file transport alone. */
    static FaultyOpener onFile() {
        return new FaultyOpener("ignores-format-on-file",
                spec -> spec.transport().equals("file") ? open(spec) : Channels.openSender(spec), Channels::openReceiver);
    }

    private IgnoresFormat() {
    }

    private static Opened<Sender> open(ChannelSpec spec) {
        Opened<Sender> opened = Channels.openSender(spec);
        if (opened.status() != OpenStatus.FORMAT_MISMATCH || opened.message() == null) {
            return opened;
        }
        Matcher channelType = CHANNEL_TYPE.matcher(opened.message());
        return channelType.find() ? Channels.openSender(spec.withContentType(channelType.group(1))) : opened;
    }
}
