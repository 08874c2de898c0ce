package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PercentileDistributionSvgTest {

    static final LatencySeries RUN = new LatencySeries("shm, 64 B", 90_000, 1_900_000, 28_000_000, 45_800_000, 47_700_000);
    static final List<LatencyThreshold> BOUNDS = List.of(new LatencyThreshold("", "p999", 40_000_000),
            new LatencyThreshold("", "p50", 2_000_000), new LatencyThreshold("", "p99", 30_000_000));

    @Test
    void latencyRisesAlongTheNinesAndTheBoundsAreAStep() {
        Xml svg = Xml.parse(PercentileDistributionSvg.render("One-way <&>", RUN, BOUNDS));
        assertEquals("One-way <&>", svg.one("//text[@class='heading']").getTextContent());
        List<Element> points = svg.all("//g[starts-with(@class,'point')]/circle");
        assertEquals(5, points.size(), "p50, p90, p99, p999, max");
        for (int i = 1; i < points.size(); i++) {
            assertTrue(Xml.num(points.get(i), "cx") > Xml.num(points.get(i - 1), "cx"), "further into the tail, further right");
            assertTrue(Xml.num(points.get(i), "cy") < Xml.num(points.get(i - 1), "cy"), "higher latency, higher up");
        }
        // 90%, 99% and 99.9% are evenly spaced: one nine each
        double nine = Xml.num(points.get(2), "cx") - Xml.num(points.get(1), "cx");
        assertEquals(nine, Xml.num(points.get(3), "cx") - Xml.num(points.get(2), "cx"), 0.01);
        Element step = svg.one("//g[@class='thresholds']/path");
        assertTrue(step.hasAttribute("stroke-dasharray"));
        assertEquals(3 * 2, step.getAttribute("d").split("[ML]").length - 1, "two points per bound, sorted by percentile: "
                + step.getAttribute("d"));
        assertEquals(1, svg.all("//g[@class='point over']").size(), "only p999 (45.8 ms) is over its bound (40 ms)");
        assertTrue(svg.one("//g[@class='point over']/title").getTextContent().startsWith("p999"));
    }

    @Test
    void withoutBoundsThereIsNoStep() {
        Xml svg = Xml.parse(PercentileDistributionSvg.render("Round trip", RUN, List.of()));
        assertTrue(svg.all("//g[@class='thresholds']").isEmpty());
        assertTrue(svg.all("//g[@class='point over']").isEmpty());
    }
}
