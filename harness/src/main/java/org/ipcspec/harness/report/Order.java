package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.ipcspec.harness.spec.Vocabulary;

/**
 * The order rows and columns appear in: the known names in the order the vocabulary lists them,
 * then any other name alphabetically, and "-" (no transport, no combination) last.
 */
final class Order {

    static List<String> sorted(Collection<String> names, List<String> known) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(names));
        out.sort(Comparator.<String>comparingInt(n -> rank(n, known)).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static int rank(String name, List<String> known) {
        if (Vocabulary.NONE.equals(name)) {
            return Integer.MAX_VALUE;
        }
        int i = known.indexOf(name);
        return i >= 0 ? i : known.size();
    }

    private Order() {
    }
}
