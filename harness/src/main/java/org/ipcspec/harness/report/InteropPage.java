package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * The interoperability matrix: sender implementation down, receiver implementation across, and in
 * each pair's cell one box per transport, coloured by the worst {@link Outcome} of that pair's
 * scenarios on it; a box links to its scenarios further down, each of which links to its result.
 * Standalone, well-formed XHTML, as {@link MatrixPage}.
 */
public final class InteropPage {

    /**
     * What one ordered pair's run gave.
     *
     * @param matrix the pair's own conformance matrix, relative to this page, or empty
     */
    public record Pair(String sender, String receiver, List<ScenarioResult> results, String matrix) {
        public Pair {
            results = List.copyOf(results);
            matrix = matrix == null ? "" : matrix;
        }
    }

    private static final String CSS = """
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 14px; color: #222; margin: 24px; }
        h1 { font-size: 22px; margin: 0 0 8px 0; }
        h2 { font-size: 18px; margin-top: 32px; }
        h3 { font-size: 14px; margin: 18px 0 4px 0; }
        .legend { color: #444; margin: 6px 0 16px 0; }
        .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; margin: 0 2px; font-size: 13px; }
        table.interop { border-collapse: collapse; }
        table.interop th, table.interop td.pair { border: 1px solid #bbb; padding: 6px; text-align: center; vertical-align: top; }
        table.interop th.receiver { background: #37474f; color: #fff; }
        table.interop th.sender { background: #eceff1; text-align: left; white-space: nowrap; }
        table.interop th.corner { background: #fff; font-weight: normal; font-size: 12px; color: #555; }
        a.transport { display: inline-block; min-width: 64px; margin: 2px; padding: 4px; border-radius: 4px; text-decoration: none; }
        a.transport .name { display: block; font-weight: bold; }
        a.transport .count { display: block; font-size: 11px; }
        ul.scenarios { list-style: none; padding-left: 8px; margin: 0; }
        ul.scenarios li { margin: 2px 0; }
        section.cell-list:target { outline: 2px solid #1565c0; }
        """;

    private InteropPage() {
    }

    public static void write(String title, List<Pair> pairs, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render(title, pairs), StandardCharsets.UTF_8);
    }

    /** The worst outcome of {@code results}; skipped when there are none. */
    static Outcome worst(List<ScenarioResult> results) {
        return results.stream().map(ScenarioResult::outcome).reduce(Outcome.SKIPPED, Outcome::worst);
    }

    public static String render(String title, List<Pair> pairs) {
        List<String> senders = distinct(pairs.stream().map(Pair::sender).toList());
        List<String> receivers = distinct(pairs.stream().map(Pair::receiver).toList());
        List<String> transports = new ArrayList<>(Order.sorted(pairs.stream().flatMap(p -> p.results().stream())
                .map(ScenarioResult::transport).toList(), Vocabulary.TRANSPORTS));

        XmlWriter html = XmlWriter.page(title, CSS);
        html.start("p", "class", "legend");
        html.text("Rows: the implementation every sender was started from; columns: the receivers'. Each box is one "
                + "transport of that pair, coloured by its worst outcome (" + Palette.ranking() + "), with its scenario "
                + "count; click it for the scenarios. ");
        for (Outcome o : Outcome.values()) {
            html.element("span", o.label(), "class", "badge " + o.word(), "style", Palette.of(o).css());
        }
        html.end();

        html.start("table", "class", "interop");
        html.start("tr");
        html.element("th", "sender \\ receiver", "class", "corner");
        for (String receiver : receivers) {
            html.element("th", receiver, "class", "receiver");
        }
        html.end();
        for (String sender : senders) {
            html.start("tr", "data-sender", sender);
            html.element("th", sender, "class", "sender");
            for (String receiver : receivers) {
                int index = indexOf(pairs, sender, receiver);
                html.start("td", "class", "pair", "data-sender", sender, "data-receiver", receiver);
                if (index < 0) {
                    html.text("·");
                } else {
                    Pair pair = pairs.get(index);
                    for (Map.Entry<String, List<ScenarioResult>> e : byTransport(pair, transports).entrySet()) {
                        Outcome worst = worst(e.getValue());
                        html.start("a", "class", "transport " + worst.word(), "data-transport", e.getKey(),
                                "data-outcome", worst.word(), "href", "#" + anchor(index, e.getKey()),
                                "style", Palette.of(worst).css(), "title", firstReason(e.getValue()));
                        html.element("span", e.getKey().equals(Vocabulary.NONE) ? "no transport" : e.getKey(), "class", "name");
                        html.element("span", e.getValue().size() + " " + worst.label(), "class", "count");
                        html.end();
                    }
                    String matrix = MatrixPage.safeLink(pair.matrix());
                    if (!matrix.isEmpty()) {
                        html.empty("br");
                        html.element("a", "matrix", "class", "matrix", "href", matrix);
                    }
                }
                html.end();
            }
            html.end();
        }
        html.end();

        html.element("h2", "Scenarios by pair and transport");
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            for (Map.Entry<String, List<ScenarioResult>> e : byTransport(pair, transports).entrySet()) {
                html.start("section", "class", "cell-list", "id", anchor(i, e.getKey()));
                html.element("h3", pair.sender() + " → " + pair.receiver() + " · " + e.getKey());
                html.start("ul", "class", "scenarios");
                for (ScenarioResult r : e.getValue()) {
                    html.start("li", "class", r.outcome().word());
                    html.element("span", r.outcome().label(), "class", "badge " + r.outcome().word(), "style", Palette.of(r.outcome()).css());
                    html.text(" ");
                    String link = MatrixPage.safeLink(r.link());
                    if (link.isEmpty()) {
                        html.element("span", r.name(), "class", "scenario");
                    } else {
                        html.element("a", r.name(), "class", "scenario", "href", link);
                    }
                    if (r.outcome().compareTo(Outcome.PASSED) > 0 && !r.message().isBlank()) {
                        html.text(" — " + r.message().strip().split("\n", 2)[0]);
                    }
                    html.end();
                }
                html.end();
                html.end();
            }
        }
        html.end();
        html.end();
        return html.finish();
    }

    private static Map<String, List<ScenarioResult>> byTransport(Pair pair, List<String> transports) {
        Map<String, List<ScenarioResult>> by = new LinkedHashMap<>();
        for (String t : transports) {
            List<ScenarioResult> in = pair.results().stream().filter(r -> r.transport().equals(t)).toList();
            if (!in.isEmpty()) {
                by.put(t, in);
            }
        }
        return by;
    }

    /** The reason of the first scenario with the worst outcome, for the box's tooltip. */
    private static String firstReason(List<ScenarioResult> results) {
        Outcome worst = worst(results);
        return results.stream().filter(r -> r.outcome() == worst).map(r -> r.message().isBlank() ? r.name()
                : r.name() + ": " + r.message().strip().split("\n", 2)[0]).findFirst().orElse("");
    }

    private static int indexOf(List<Pair> pairs, String sender, String receiver) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).sender().equals(sender) && pairs.get(i).receiver().equals(receiver)) {
                return i;
            }
        }
        return -1;
    }

    private static String anchor(int pair, String transport) {
        return "pair-" + (pair + 1) + "-" + (transport.equals(Vocabulary.NONE) ? "none" : transport);
    }

    private static List<String> distinct(List<String> names) {
        return names.stream().distinct().collect(Collectors.toList());
    }
}
