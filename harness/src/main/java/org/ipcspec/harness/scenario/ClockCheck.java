package org.ipcspec.harness.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.process.EndpointBrokenException;

/**
 * Proves that an endpoint's timestamps are on the harness's clock (docs/protocol.md#close-clock-exit, the clock op): its
 * reading must lie between the harness's readings just before the request and just after the reply.
 * Without this, comparing times across processes would mean nothing.
 */
public final class ClockCheck {

    private ClockCheck() {
    }

    /** @return the endpoint's reading */
    public static long verify(ScenarioWorld world, Participant participant) {
        long before = System.nanoTime();
        ObjectNode reply = world.callAndAwait(participant, "clock", world.request("clock"), world.replyBound());
        long after = System.nanoTime();
        if (!reply.path("ok").asBoolean(false) || !reply.path("t").canConvertToLong()) {
            throw new EndpointBrokenException("the " + participant.name() + " endpoint gave no usable clock reading: " + reply);
        }
        long t = reply.path("t").asLong();
        if (t < before || t > after) {
            throw new EndpointBrokenException("the " + participant.name() + " endpoint's clock is not the harness's monotonic clock: it read "
                    + t + ", outside the harness's readings " + before + " .. " + after
                    + " (use CLOCK_MONOTONIC in nanoseconds; its hello says clock=" + participant.hello().path("clock") + ")");
        }
        return t;
    }
}
