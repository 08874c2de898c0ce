package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.w3c.dom.Element;

class MatrixPageTest {

    static final String SS = "sync-send/sync-receive";
    static final String SA = "sync-send/async-receive";
    static final String AA = "async-send/async-receive";

    static List<ScenarioResult> results() {
        return List.of(
            Rows.row("sync send blocks until collected", List.of("S1", "R1"), "shm", SS, Outcome.PASSED, "shm/s1-ss.html"),
            Rows.row("sync send with slow receiver", List.of("S1"), "shm", SS, Outcome.FAILED, "shm/s1-ss-slow.html"),
            Rows.row("sync send, async receive", List.of("S1"), "shm", SA, Outcome.PASSED, "shm/s1-sa.html"),
            Rows.row("order of one sender", List.of("O1", "O2"), "socket", AA, Outcome.BROKEN, "socket/o1.html"),
            Rows.row("order of two senders", List.of("O1"), "socket", AA, Outcome.PASSED, "socket/o1-two.html"),
            Rows.row("crash survival", List.of("D1"), "file", "-", Outcome.UNSUPPORTED, "file/d1.html"),
            Rows.row("crash survival, twice", List.of("D1"), "file", null, Outcome.PASSED, "file/d1-twice.html"),
            Rows.row("filtered out", List.of("R1"), "file", SS, Outcome.SKIPPED, ""),
            Rows.row("filtered out too", List.of("R1"), "file", SS, Outcome.SKIPPED, null),
            Rows.row("ran and passed, one skipped", List.of("T1"), "shm", SS, Outcome.PASSED, "shm/t1.html"),
            Rows.row("skipped beside a pass", List.of("T1"), "shm", SS, Outcome.SKIPPED, "shm/t1-b.html"),
            Rows.row("<script>alert('x')</script> & \"quotes\"", List.of("X1"), "socket", "-", Outcome.FAILED,
                "javascript:alert(1)"));
    }

    private static Element cell(Xml page, String rule, String transport, String combination) {
        return page.one("//tr[@data-rule='" + rule + "']/td[@data-transport='" + transport + "' and @data-combination='" + combination + "']");
    }

    @Test
    void coloursEachCellByItsWorstOutcome() {
        Xml page = Xml.parse(MatrixPage.render("ipcspec conformance", results()));
        assertEquals("failed", cell(page, "S1", "shm", SS).getAttribute("data-outcome"), "passed + failed");
        assertEquals("passed", cell(page, "S1", "shm", SA).getAttribute("data-outcome"));
        assertEquals("broken", cell(page, "O1", "socket", AA).getAttribute("data-outcome"), "passed + broken");
        assertEquals("unsupported", cell(page, "D1", "file", "-").getAttribute("data-outcome"), "passed + unsupported");
        assertEquals("skipped", cell(page, "R1", "file", SS).getAttribute("data-outcome"));
        assertEquals("passed", cell(page, "T1", "shm", SS).getAttribute("data-outcome"), "a skip never hides a pass");
        assertTrue(cell(page, "S1", "shm", SS).getAttribute("style").contains(Palette.of(Outcome.FAILED).background()));
        assertTrue(cell(page, "S1", "shm", SS).getAttribute("class").contains("failed"));
        assertEquals("2", page.one("//tr[@data-rule='S1']/td[@data-combination='" + SS + "']//span[@class='total']").getTextContent());
        assertEquals("1 failed · 1 passed", page.one("//tr[@data-rule='S1']/td[@data-combination='" + SS + "']//span[@class='breakdown']").getTextContent());
        assertEquals("cell none", cell(page, "S1", "socket", AA).getAttribute("class"), "no scenario, no colour");
    }

    @Test
    void ordersRowsAndGroupsColumnsByTransport() {
        Xml page = Xml.parse(MatrixPage.render("m", results()));
        assertEquals(List.of("S1", "R1", "O1", "O2", "T1", "X1", "D1"),
            page.all("//tbody/tr").stream().map(e -> e.getAttribute("data-rule")).toList());
        assertEquals(List.of("shm", "file", "socket"), page.all("//th[@class='transport']").stream().map(Element::getTextContent).toList());
        assertEquals("2", page.one("//th[@class='transport' and .='shm']").getAttribute("colspan"));
        assertEquals(2 + 2 + 2, page.all("//th[@class='combination']").size());
    }

    @Test
    void linksEveryCellToItsScenarioList() {
        Xml page = Xml.parse(MatrixPage.render("m", results()));
        List<Element> links = page.all("//td[starts-with(@class,'cell ') and not(@class='cell none')]/a");
        assertEquals(9, links.size(), "S1 x2, R1 x2, O1, O2, D1, T1, X1");
        for (Element link : links) {
            String id = link.getAttribute("href").substring(1);
            Element target = page.one("//section[@id='" + id + "']");
            int total = Integer.parseInt(link.getElementsByTagName("span").item(0).getTextContent());
            assertEquals(total, target.getElementsByTagName("li").getLength(), "cell count matches its list");
        }
        Element s1 = page.one("//section[@id=substring-after(//tr[@data-rule='S1']/td[@data-combination='" + SS + "']/a/@href, '#')]");
        List<String> hrefs = page.all("//section[@id='" + s1.getAttribute("id") + "']//a").stream().map(a -> a.getAttribute("href")).toList();
        assertEquals(List.of("shm/s1-ss.html", "shm/s1-ss-slow.html"), hrefs);
    }

    @Test
    void summarisesTotalsAndEscapesText() {
        String raw = MatrixPage.render("<title>&", results());
        Xml page = Xml.parse(raw);
        assertEquals("5", page.one("//p[@class='summary']/span[@data-outcome='passed']").getAttribute("data-count"));
        assertEquals("2", page.one("//p[@class='summary']/span[@data-outcome='failed']").getAttribute("data-count"));
        assertEquals("3", page.one("//p[@class='summary']/span[@data-outcome='skipped']").getAttribute("data-count"));
        assertTrue(page.one("//p[@class='summary']").getTextContent().startsWith("12 scenarios:"));
        assertEquals("<title>&", page.one("//h1").getTextContent());
        assertTrue(page.all("//script").isEmpty());
        assertFalse(raw.contains("<script>"));
        Element hostile = page.one("//*[@class='scenario' and contains(., 'alert')]");
        assertEquals("span", hostile.getTagName(), "a javascript: link is dropped");
        assertEquals("<script>alert('x')</script> & \"quotes\"", hostile.getTextContent());
    }

    @Test
    void rendersNoResults() {
        Xml page = Xml.parse(MatrixPage.render("empty", List.of()));
        assertTrue(page.one("//p[@class='summary']").getTextContent().startsWith("0 scenarios:"));
        assertTrue(page.all("//tbody/tr").isEmpty());
    }

    @Test
    void keepsRelativeAndHttpLinks() {
        assertEquals("a/b.html#x", MatrixPage.safeLink("a/b.html#x"));
        assertEquals("https://example.org/r", MatrixPage.safeLink("https://example.org/r"));
        assertEquals("", MatrixPage.safeLink(" JavaScript:alert(1)"));
        assertEquals("", MatrixPage.safeLink("data:text/html,x"));
    }
}
