package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiting sender's view of the address: map each file once, and only what was mapped. */
class ChannelFileWatchTest {

    @TempDir
    Path dir;

    @Test
    void mapsEachFileOnce() throws Exception {
        Path address = dir.resolve("c");
        ShmChannelFile.create(address, 4, 64, "application/octet-stream");
        ChannelFileWatch watch = new ChannelFileWatch(address);
        BasicFileAttributes attributes = watch.look();
        SharedBuffer first = watch.mapping(attributes);
        assertNotNull(first);
        assertSame(first, watch.mapping(watch.look()), "the same file is not mapped again");
    }

    @Test
    void fileThatVanishedBeforeItWasMappedIsMappedWhenItsKeyComesBack() throws Exception {
        Path address = dir.resolve("c");
        ShmChannelFile.create(address, 4, 64, "application/octet-stream");
        ChannelFileWatch watch = new ChannelFileWatch(address);
        BasicFileAttributes attributes = watch.look();
        Files.delete(address); // the receiver went away between the look and the mapping
        assertNull(watch.mapping(attributes));

        // A new receiver's file. Its file key may be the old one's (a reused inode number, as on
        // tmpfs and ext4): the old attributes stand for that case.
        ShmChannelFile.create(address, 4, 64, "application/octet-stream");
        SharedBuffer mapped = watch.mapping(attributes);
        assertNotNull(mapped, "a failed mapping must not be remembered as the mapping of that key");
        assertEquals(ShmFileDescriptor.MAGIC, mapped.getInt(ShmFileDescriptor.MAGIC_OFFSET));
    }
}
