package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.ipcspec.harness.bench.SweepPoint;

/** The sweep chart: well-formed SVG, one series per transport, hollow points past capacity, log rate axis. */
class LoadSweepSvgTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void oneSeriesPerTransportAndTheKneeMarked() throws Exception {
        List<SweepPoint> points = List.of(
                new SweepPoint("shm", 64, 1_000, 1_000, 50_000, 500_000, 900_000),
                new SweepPoint("shm", 64, 1_000_000, 999_000, 80_000, 2_000_000, 3_000_000),
                new SweepPoint("shm", 64, 8_000_000, 3_000_000, 200_000_000, 400_000_000, 400_000_000),
                new SweepPoint("socket", 64, 1_000, 1_000, 30_000, 300_000, 500_000));
        Document doc = parse(LoadSweepSvg.render(points));
        NodeList groups = doc.getElementsByTagName("g");
        int series = 0;
        int past = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("series")) {
                series++;
            }
            if (g.getAttribute("class").equals("point past-capacity")) {
                past++;
                assertTrue(g.getTextContent().contains("8,000,000 msg/s offered"), g.getTextContent());
            }
        }
        assertEquals(2, series);
        assertEquals(1, past);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("1k") && text.contains("10M"), "log rate axis from 1k to 10M: " + text);
    }

    @Test
    void noPointsSaysSo() throws Exception {
        assertTrue(parse(LoadSweepSvg.render(List.of())).getDocumentElement().getTextContent().contains("No sweep points"));
    }

    @Test
    void ratesAreLabelledShort() {
        assertEquals("100", LoadSweepSvg.rateLabel(100));
        assertEquals("10k", LoadSweepSvg.rateLabel(10_000));
        assertEquals("4M", LoadSweepSvg.rateLabel(4_000_000));
    }
}
