package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LatencyChartSvgTest {

    static final List<LatencySeries> SERIES = List.of(
        new LatencySeries("shm 64 B", 800, 1_200, 3_000, 12_000, 95_000),
        new LatencySeries("file 64 B", 40_000, 70_000, 150_000, 400_000, 2_100_000),
        new LatencySeries("socket 64 B", 9_000, 14_000, 30_000, 60_000, 250_000));
    static final List<LatencyThreshold> THRESHOLDS = List.of(
        new LatencyThreshold("", "p99", 200_000),
        new LatencyThreshold("shm 64 B", "p99", 2_000));

    private static Element rect(Xml svg, String series, String percentile) {
        return svg.one("//g[@data-series='" + series + "']/g[@data-percentile='" + percentile + "']/rect");
    }

    @Test
    void drawsABarPerPercentilePerSeriesWithThresholds() {
        Xml svg = Xml.parse(LatencyChartSvg.render("Latency <&>", SERIES, THRESHOLDS));
        assertEquals(15, svg.all("//g[starts-with(@class,'bar')]/rect").size());
        assertEquals("Latency <&>", svg.one("//text[@class='heading']").getTextContent());
        assertTrue(svg.one("//text[@class='y-label']").getTextContent().contains("us"));
        // higher latency, taller bar (smaller y)
        for (LatencySeries s : SERIES) {
            for (int i = 1; i < LatencySeries.PERCENTILES.size(); i++) {
                assertTrue(Xml.num(rect(svg, s.name(), LatencySeries.PERCENTILES.get(i)), "y")
                    < Xml.num(rect(svg, s.name(), LatencySeries.PERCENTILES.get(i - 1)), "y"));
            }
        }
        List<Element> thresholds = svg.all("//g[@class='threshold']/line");
        assertEquals(2, thresholds.size());
        thresholds.forEach(line -> assertTrue(line.hasAttribute("stroke-dasharray"), "thresholds are dashed"));
        // shm p99 (3 us) is above its 2 us bound; file p99 (150 us) is within the global 200 us one
        assertEquals(List.of("shm 64 B"), svg.all("//g[@class='bar over-threshold']/..").stream().map(e -> e.getAttribute("data-series")).toList());
    }

    @Test
    void usesALogAxisWhenTailsDwarfTheMedian() {
        Xml svg = Xml.parse(LatencyChartSvg.render("log", SERIES, List.of()));
        assertTrue(svg.one("//text[@class='y-label']").getTextContent().contains("log"));
        List<String> ticks = svg.all("//g[@class='y-axis']/text").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("0.1", "1", "10", "100", "1000", "10000"), ticks);
    }

    @Test
    void usesALinearAxisForNarrowRanges() {
        Xml svg = Xml.parse(LatencyChartSvg.render("lin", List.of(new LatencySeries("shm 4 KiB", 10_000, 11_000, 13_000, 15_000, 18_000)), List.of()));
        assertEquals("latency (us)", svg.one("//text[@class='y-label']").getTextContent());
        assertEquals("0", svg.all("//g[@class='y-axis']/text").get(0).getTextContent());
    }

    @Test
    void rendersNoSeries() {
        Xml svg = Xml.parse(LatencyChartSvg.render("none", List.of(), List.of()));
        assertTrue(svg.one("//text[@class='empty-note']").getTextContent().contains("No latency"));
    }
}
