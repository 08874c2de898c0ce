package org.ipcspec.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The small disk of disk-full scenarios: unsupported unless root, full when full, and never left mounted. */
class SmallDiskTest {

    @TempDir
    Path folder;

    @Test
    void anyoneButRootIsToldTheScenarioIsUnsupportedAndWhy() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> SmallDisk.mount(folder, 64, "1000"));
        assertTrue(e.getMessage().startsWith("unsupported: ") && e.getMessage().contains("needs root")
                && e.getMessage().contains("uid 1000"), e.getMessage());
    }

    @Test
    void itFillsUpAndIsUnmountedOnClose() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
        Path point = Files.createDirectory(folder.resolve("ch"));
        try (SmallDisk disk = SmallDisk.mount(point, 16)) {
            assertTrue(mounted(point), "not mounted");
            assertThrows(IOException.class, () -> Files.write(point.resolve("big"), new byte[64 * 1024]), "a 16 KiB disk took 64 KiB");
        }
        assertFalse(mounted(point), "still mounted after close");
    }

    @Test
    void aLeftoverOfAKilledRunIsUnmounted() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
        Path point = Files.createDirectory(folder.resolve("ch"));
        SmallDisk.mount(point, 16); // never closed, as by a harness killed mid-scenario
        assertTrue(mounted(point), "not mounted");
        SmallDisk.unmountLeftover(point);
        assertFalse(mounted(point), "the leftover is still mounted");
        SmallDisk.unmountLeftover(point); // nothing mounted: nothing happens
    }

    private static boolean mounted(Path point) throws IOException {
        String path = point.toAbsolutePath().normalize().toString();
        return Files.readAllLines(Path.of("/proc/self/mounts")).stream().anyMatch(line -> line.split(" ")[1].equals(path));
    }
}
