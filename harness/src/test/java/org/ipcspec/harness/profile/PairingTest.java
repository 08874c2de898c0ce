package org.ipcspec.harness.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PairingTest {

    private static Profile profile(String name, Map<String, String> wire, Bounds bounds) {
        return new Profile(Path.of("/p/" + name + ".yaml"), name, List.of(name + "-endpoint"), Map.of(),
                List.of("shm", "file", "socket"), bounds, Map.of("shm", 1000L), 100, wire);
    }

    private static final Bounds JAVA = new Bounds(250, 300, 5000, 10_000, 10, Map.of())
            .withThreshold("shm", 64, new Threshold(80_000.0, 1_000_000.0))
            .withThreshold("shm", 4096, new Threshold(20_000.0, null))
            .withThreshold("file", 64, new Threshold(300.0, 30_000_000.0));
    private static final Bounds PYTHON = new Bounds(400, 200, 6000, 8_000, 20, Map.of())
            .withThreshold("shm", 64, new Threshold(8_000.0, 5_000_000.0))
            .withThreshold("shm", 4096, new Threshold(3_000.0, 5_000_000.0));

    private final Profile java = profile("java", Map.of("shm", "ipcspec-shm/1", "file", "ipcspec-file/1", "socket", "ipcspec-socket/1"), JAVA);
    private final Profile python = profile("python", Map.of("shm", "ipcspec-shm/1", "file", "ipcspec-file/1", "socket", "mine/1"), PYTHON);
    private final Profile quiet = profile("quiet", Map.of(), PYTHON);

    @Test
    void sendersStartFromTheSenderProfileEveryoneElseFromTheReceivers() {
        Pairing pair = new Pairing(java, python);
        assertEquals(java, pair.profileFor("sender"));
        assertEquals(java, pair.profileFor("sender 2"));
        assertEquals(java, pair.profileFor("second sender"));
        assertEquals(python, pair.profileFor("second receiver"));
        assertEquals(python, pair.profileFor("receiver"));
        assertEquals(python, pair.profileFor("new receiver"));
        assertEquals(python, pair.profileFor("endpoint"));
    }

    @Test
    void pairedOnlyWhereBothDeclareTheSameWireFormatAndTheReasonNamesBoth() {
        Pairing pair = new Pairing(java, python);
        assertEquals(Optional.empty(), pair.unsupported("shm"));
        assertEquals(Optional.empty(), pair.unsupported("file"));
        String why = pair.unsupported("socket").orElseThrow();
        assertTrue(why.contains("ipcspec-socket/1") && why.contains("mine/1") && why.contains("java") && why.contains("python"), why);
        String none = new Pairing(java, quiet).unsupported("shm").orElseThrow();
        assertTrue(none.contains("ipcspec-shm/1") && none.contains("a private format"), none);
        assertTrue(new Pairing(quiet, quiet).unsupported("shm").isPresent(), "two private formats are not one format");
        assertEquals(List.of("shm", "file"), pair.merged().transports());
    }

    @Test
    void theMergedProfileHasTheLooserOfEachBoundAndThreshold() {
        Profile merged = new Pairing(java, python).merged();
        Bounds b = merged.bounds();
        assertEquals(400, b.nonBlockingMs());
        assertEquals(300, b.blockedMs());
        assertEquals(6000, b.crashMs());
        assertEquals(10_000, b.startMs());
        assertEquals(20, b.timeoutToleranceMs());
        assertEquals(new Threshold(8_000.0, 5_000_000.0), b.threshold("shm", 64).orElseThrow());
        assertEquals(new Threshold(3_000.0, null), b.threshold("shm", 4096).orElseThrow(), "a figure only one states is not checked");
        assertEquals(Optional.empty(), b.threshold("file", 64), "a threshold only one profile states is not checked");
        assertEquals("java x python", merged.name());
        assertEquals(1000L, merged.bulkCount("shm"));
    }

    @Test
    void theMergeIsSymmetricInItsBounds() {
        assertEquals(new Pairing(java, python).merged().bounds(), new Pairing(python, java).merged().bounds());
    }
}
