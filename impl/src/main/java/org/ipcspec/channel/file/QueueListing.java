package org.ipcspec.channel.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which files of {@code new/} the receiver may collect now, in collection order.
 *
 * <p>A directory listing that runs while senders rename files in is not a snapshot: POSIX leaves
 * unspecified whether an entry added during the listing shows up, and on ext4 (hash-ordered
 * directories) a listing can show a sender's later file and miss its earlier one, which would
 * break FIFO per sender. So the receiver lists twice. Every file the first listing shows was
 * complete before the second listing began, and so was every earlier file of the same sender,
 * which therefore shows up in the second listing (only the receiver removes files from
 * {@code new/}). Taking from the second listing each sender's files up to the last one the first
 * listing showed gives, for every sender, a gap-free prefix of what it has queued.
 */
final class QueueListing {

    private QueueListing() {
    }

    /** The collectable names, sorted, from two listings taken one after the other. */
    static List<String> collectable(List<String> first, List<String> second) {
        Map<String, String> lastSeenFirst = new HashMap<>();
        for (String name : first) {
            lastSeenFirst.merge(MessageName.keyOf(name), name, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        TreeSet<String> sorted = new TreeSet<>(first);
        for (String name : second) {
            String last = lastSeenFirst.get(MessageName.keyOf(name));
            if (last != null && name.compareTo(last) <= 0) {
                sorted.add(name);
            }
        }
        return new ArrayList<>(sorted);
    }

    /** The collectable names in {@code queue}, sorted; lists it once when it is empty, twice otherwise. */
    static List<String> list(Path queue) throws IOException {
        List<String> first = names(queue);
        if (first.isEmpty()) {
            return first;
        }
        return collectable(first, names(queue));
    }

    static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }
}
