package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

class SummaryTableTest {

    @Test
    void countsEachScenarioOncePerTransportAndCombination() {
        String expected = """
            transport  combination               passed  failed  broken  unsupported  skipped
            ---------  ------------------------  ------  ------  ------  -----------  -------
            shm        sync-send/sync-receive         2       1       0            0        1
            shm        sync-send/async-receive        1       0       0            0        0
            file       sync-send/sync-receive         0       0       0            0        2
            file       -                              1       0       0            1        0
            socket     async-send/async-receive       1       0       1            0        0
            socket     -                              0       1       0            0        0
            ---------  ------------------------  ------  ------  ------  -----------  -------
            total                                     5       2       1            1        3
            """;
        assertEquals(expected, SummaryTable.render(MatrixPageTest.results()));
    }

    @Test
    void rendersNoResults() {
        assertEquals("""
            transport  combination  passed  failed  broken  unsupported  skipped
            ---------  -----------  ------  ------  ------  -----------  -------
            total                        0       0       0            0        0
            """, SummaryTable.render(List.of()));
    }

    @Test
    void neutralisesControlCharacters() {
        String table = SummaryTable.render(List.of(Rows.row("x", List.of(), "shm\u001b[31m", "-", Outcome.PASSED, "")));
        assertEquals(-1, table.indexOf('\u001b'));
    }
}
