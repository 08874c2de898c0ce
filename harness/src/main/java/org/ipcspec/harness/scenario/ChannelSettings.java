package org.ipcspec.harness.scenario;

/**
 * The channel a scenario specifies, as its first step states it. Null fields are left to the
 * protocol's defaults (capacity 64, 65536 bytes, application/octet-stream).
 *
 * @param replyChannel whether a second channel carries acknowledgements back
 * @param plantedLink  whether a symbolic link was planted at the address (P1)
 */
public record ChannelSettings(String transport, Integer capacity, Integer maxMessageBytes, String contentType,
                              boolean replyChannel, boolean plantedLink) {

    public static ChannelSettings of(String transport) {
        return new ChannelSettings(transport, null, null, null, false, false);
    }

    public ChannelSettings capacity(int value) {
        return new ChannelSettings(transport, value, maxMessageBytes, contentType, replyChannel, plantedLink);
    }

    public ChannelSettings maxMessageBytes(int value) {
        return new ChannelSettings(transport, capacity, value, contentType, replyChannel, plantedLink);
    }

    public ChannelSettings contentType(String value) {
        return new ChannelSettings(transport, capacity, maxMessageBytes, value, replyChannel, plantedLink);
    }

    public ChannelSettings withReplyChannel() {
        return new ChannelSettings(transport, capacity, maxMessageBytes, contentType, true, plantedLink);
    }

    public ChannelSettings withPlantedLink() {
        return new ChannelSettings(transport, capacity, maxMessageBytes, contentType, replyChannel, true);
    }
}
