package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.Rule;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * The conformance matrix, in the manner of the Autobahn test suite's report: rules down, transports
 * times send/receive combinations across, each cell coloured by the worst {@link Outcome} of its
 * scenarios and showing their counts; a cell links to its list of scenarios further down, and
 * each scenario there links to its detailed result.
 *
 * <p>The page is standalone (inline CSS, no scripts, no external resources) and well-formed XHTML,
 * so it opens from a file system and an XML parser can check it.
 */
public final class MatrixPage {

    /** A URL scheme other than http(s) (javascript:, data:) is not a link to a result. */
    private static final Pattern UNSAFE_SCHEME = Pattern.compile("^\\s*(?!https?:)[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);

    private static final String CSS = """
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 14px; color: #222; margin: 24px; }
        h1 { font-size: 22px; margin: 0 0 8px 0; }
        h2 { font-size: 18px; margin-top: 32px; }
        h3 { font-size: 14px; margin: 18px 0 4px 0; }
        .summary { font-size: 15px; margin: 8px 0; }
        .legend { color: #444; margin: 6px 0 16px 0; }
        .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; margin: 0 2px; font-size: 13px; }
        table.matrix { border-collapse: collapse; }
        table.matrix th, table.matrix td { border: 1px solid #bbb; padding: 4px 6px; text-align: center; }
        table.matrix th.transport { background: #37474f; color: #fff; font-size: 15px; }
        table.matrix th.combination { background: #eceff1; font-weight: normal; font-size: 11px; }
        table.matrix th.rule { text-align: left; background: #eceff1; white-space: nowrap; }
        table.matrix th.corner { background: #fff; border: none; }
        td.cell { min-width: 78px; }
        td.cell a { display: block; text-decoration: none; color: inherit; }
        td.cell .total { font-size: 16px; font-weight: bold; display: block; }
        td.cell .breakdown { font-size: 10px; display: block; white-space: nowrap; }
        td.none { color: #bbb; background: #fafafa; }
        ul.scenarios { list-style: none; padding-left: 8px; margin: 0; }
        ul.scenarios li { margin: 2px 0; }
        code.location { color: #555; font-size: 12px; }
        div.reason { color: #444; font-size: 12px; margin: 0 0 4px 24px; }
        section.cell-list:target { outline: 2px solid #1565c0; }
        """;

    private MatrixPage() {
    }

    public static void write(String title, List<ScenarioResult> results, Path file) throws IOException {
        write(title, results, "", file);
    }

    /** @param reportLink where the detailed report is, relative to the page; empty: nowhere yet */
    public static void write(String title, List<ScenarioResult> results, String reportLink, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render(title, results, reportLink), StandardCharsets.UTF_8);
    }

    public static String render(String title, List<ScenarioResult> results) {
        return render(title, results, "");
    }

    public static String render(String title, List<ScenarioResult> results, String reportLink) {
        List<String> rules = MatrixCell.rules(results);
        List<String> transports = MatrixCell.transports(results);
        Map<String, List<String>> combinations = MatrixCell.combinations(results);
        Map<String, MatrixCell> cells = MatrixCell.of(results);

        XmlWriter html = XmlWriter.page(title, CSS);
        summary(html, results);
        String report = safeLink(reportLink);
        if (!report.isEmpty()) {
            html.start("p", "class", "report-link").text("Timelines, histories and logs of every scenario: ");
            html.element("a", "the Allure report", "href", report);
            html.end();
        }
        html.start("p", "class", "legend");
        html.text("A cell takes the colour of its worst outcome (" + Palette.ranking() + "); "
            + "the number counts its scenarios, with a breakdown when they differ. Click a cell for its scenarios. ");
        for (Outcome o : Outcome.values()) {
            badge(html, o, o.label());
        }
        html.end();
        grid(html, rules, transports, combinations, cells);
        html.element("h2", "Scenarios by cell");
        for (MatrixCell cell : cells.values()) {
            html.start("section", "class", "cell-list", "id", cell.anchor());
            html.element("h3", cell.rule() + " · " + cell.transport() + " · " + cell.combination());
            html.start("ul", "class", "scenarios");
            for (ScenarioResult r : cell.results()) {
                html.start("li", "class", r.outcome().word());
                badge(html, r.outcome(), r.outcome().label());
                html.text(" ");
                String link = safeLink(r.link());
                if (link.isEmpty()) {
                    html.element("span", r.name(), "class", "scenario");
                } else {
                    html.element("a", r.name(), "class", "scenario", "href", link);
                }
                if (!r.location().isEmpty()) {
                    html.text(" ");
                    html.element("code", r.location(), "class", "location");
                }
                if (!r.message().isBlank()) {
                    html.element("div", r.message().strip().split("\n", 2)[0], "class", "reason");
                }
                html.end();
            }
            html.end();
            html.end();
        }
        html.end();
        html.end();
        return html.finish();
    }

    private static void summary(XmlWriter html, List<ScenarioResult> results) {
        Map<Outcome, Long> totals = totals(results);
        html.start("p", "class", "summary");
        html.element("strong", results.size() + " scenario" + (results.size() == 1 ? "" : "s") + ":");
        for (Outcome o : Columns.of(results)) {
            html.text(" ");
            html.start("span", "class", "badge " + o.word(), "data-outcome", o.word(), "data-count", totals.get(o),
                "style", style(o));
            html.text(totals.get(o) + " " + o.label());
            html.end();
        }
        html.end();
    }

    static Map<Outcome, Long> totals(List<ScenarioResult> results) {
        return Columns.totals(results);
    }

    private static void grid(XmlWriter html, List<String> rules, List<String> transports,
                             Map<String, List<String>> combinations, Map<String, MatrixCell> cells) {
        html.start("table", "class", "matrix");
        html.start("thead");
        html.start("tr");
        html.element("th", "rule", "class", "corner", "rowspan", 2);
        for (String transport : transports) {
            html.element("th", transport, "class", "transport", "colspan", combinations.get(transport).size());
        }
        html.end();
        html.start("tr");
        for (String transport : transports) {
            for (String combination : combinations.get(transport)) {
                html.start("th", "class", "combination", "title", transport + " " + combination);
                int slash = combination.indexOf('/');
                if (slash > 0) {
                    html.text(combination.substring(0, slash + 1)).empty("br").text(combination.substring(slash + 1));
                } else {
                    html.text(combination);
                }
                html.end();
            }
        }
        html.end();
        html.end();
        html.start("tbody");
        for (String rule : rules) {
            html.start("tr", "data-rule", rule);
            html.element("th", rule, "class", "rule", "title", Rule.byId(rule).map(Rule::title).orElse(rule));
            for (String transport : transports) {
                for (String combination : combinations.get(transport)) {
                    MatrixCell cell = cells.get(MatrixCell.key(rule, transport, combination));
                    if (cell == null) {
                        html.element("td", "·", "class", "cell none", "data-transport", transport, "data-combination", combination);
                        continue;
                    }
                    Outcome worst = cell.worst();
                    html.start("td", "class", "cell " + worst.word(), "data-outcome", worst.word(),
                        "data-transport", transport, "data-combination", combination, "style", style(worst),
                        "title", cell.results().stream().map(r -> r.outcome().label() + ": " + r.name()).collect(Collectors.joining("\n")));
                    html.start("a", "href", "#" + cell.anchor());
                    html.element("span", Integer.toString(cell.results().size()), "class", "total");
                    if (cell.results().stream().map(ScenarioResult::outcome).distinct().count() > 1) {
                        html.element("span", breakdown(cell.results()), "class", "breakdown");
                    }
                    html.end();
                    html.end();
                }
            }
            html.end();
        }
        html.end();
        html.end();
    }

    private static String breakdown(List<ScenarioResult> results) {
        Map<Outcome, Long> totals = totals(results);
        List<String> parts = new ArrayList<>();
        for (Outcome o : Palette.worstFirst()) {
            if (totals.get(o) > 0) {
                parts.add(totals.get(o) + " " + o.label());
            }
        }
        return String.join(" · ", parts);
    }

    private static void badge(XmlWriter html, Outcome o, String text) {
        html.element("span", text, "class", "badge " + o.word(), "style", style(o));
    }

    private static String style(Outcome o) {
        return Palette.of(o).css();
    }

    /** A relative or http(s) link as given; anything with another scheme (javascript:) becomes no link. */
    static String safeLink(String link) {
        if (link == null || link.isBlank() || UNSAFE_SCHEME.matcher(link).matches()) {
            return "";
        }
        return link;
    }
}
