package org.ipcspec.harness.cli;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;
import org.ipcspec.harness.profile.Profile;

/**
 * Starts the implementation once before the run: a command that cannot start, or never says hello,
 * would otherwise fail every scenario the same way. Then the run stops at once, exit status 2, with
 * the implementation's stderr in the message.
 */
final class Preflight {

    private Preflight() {
    }

    /** The endpoint's hello; throws {@link org.ipcspec.harness.process.EndpointBrokenException} with its stderr. */
    static ObjectNode hello(Profile profile) {
        try (EndpointProcess endpoint = EndpointProcess.start("endpoint", profile.command(), profile.env(),
                profile.file().toAbsolutePath().getParent(), EndpointListener.NONE)) {
            return endpoint.awaitHello(Duration.ofMillis(profile.bounds().startMs()));
        }
    }
}
