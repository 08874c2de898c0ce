package org.ipcspec.harness.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ipcspec.channel.Channels;

/**
 * forgets-on-crash (D1): a file receiver that opens over the leftovers of a dead receiver throws
 * them away instead of taking them over: the queued messages in the spool's {@code new/} folder
 * (docs/wire-formats.md, file) are gone, as in a spool kept in memory.
 */
final class ForgetsOnCrash {

    private ForgetsOnCrash() {
    }

    static FaultyOpener opener() {
        return new FaultyOpener("forgets-on-crash", Channels::openSender, spec -> {
            if (spec.transport().equals("file")) {
                forget(spec.address().resolve("new"));
            }
            return Channels.openReceiver(spec);
        });
    }

    private static void forget(Path queue) {
        if (!Files.isDirectory(queue)) {
            return;
        }
        try (Stream<Path> messages = Files.list(queue)) {
            for (Path message : messages.toList()) {
                Files.deleteIfExists(message);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
