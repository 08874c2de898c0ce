package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void everyScenarioFallsInExactlyOneShard() {
        List<String> locations = new ArrayList<>();
        for (int line = 1; line <= 500; line++) {
            locations.add("features/blocking.feature:" + line);
        }
        int[] sizes = new int[4];
        for (String location : locations) {
            int owners = 0;
            for (int k = 1; k <= 4; k++) {
                if (new Shard(k, 4).includes(location)) {
                    owners++;
                    sizes[k - 1]++;
                }
            }
            assertEquals(1, owners, location);
        }
        for (int size : sizes) {
            assertTrue(size > 80, "shards should be roughly even: " + java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void slicingIsStable() {
        // The hash is spelled out so that CI jobs on other machines and JVMs agree.
        assertEquals(0x811c9dc5, Shard.fnv1a(""));
        assertEquals(0xe40c292c, Shard.fnv1a("a"));
    }

    @Test
    void parsesAndRejects() {
        assertEquals(new Shard(2, 3), Shard.parse(" 2/3 "));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
