package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import org.ipcspec.harness.outcome.Outcome;

class InteropPageTest {

    private static final String SS = "sync-send/sync-receive";

    static List<InteropPage.Pair> pairs() {
        return List.of(
            new InteropPage.Pair("java", "java", List.of(
                Rows.row("order", List.of("O1"), "shm", SS, Outcome.PASSED, "jj/o1.html"),
                Rows.row("order", List.of("O1"), "file", SS, Outcome.PASSED, "jj/o1f.html")), "java-x-java/matrix.html"),
            new InteropPage.Pair("java", "python", List.of(
                Rows.row("order", List.of("O1"), "shm", SS, Outcome.PASSED, "jp/o1.html"),
                Rows.row("torn <b>", List.of("O2"), "shm", SS, Outcome.FAILED, "jp/o2.html"),
                Rows.row("order", List.of("O1"), "file", SS, Outcome.UNSUPPORTED, "jp/o1f.html")), "javascript:x"),
            new InteropPage.Pair("python", "java", List.of(
                Rows.row("order", List.of("O1"), "shm", SS, Outcome.BROKEN, "pj/o1.html")), ""));
    }

    private static Element box(Xml page, String sender, String receiver, String transport) {
        return page.one("//td[@data-sender='" + sender + "' and @data-receiver='" + receiver + "']/a[@data-transport='" + transport + "']");
    }

    @Test
    void aBoxPerTransportOfEachPairColouredByItsWorstOutcome() {
        Xml page = Xml.parse(InteropPage.render("interop", pairs()));
        assertEquals("passed", box(page, "java", "java", "shm").getAttribute("data-outcome"));
        assertEquals("failed", box(page, "java", "python", "shm").getAttribute("data-outcome"), "passed + failed");
        assertEquals("unsupported", box(page, "java", "python", "file").getAttribute("data-outcome"));
        assertEquals("broken", box(page, "python", "java", "shm").getAttribute("data-outcome"));
        assertTrue(box(page, "java", "python", "shm").getAttribute("style").contains(Palette.of(Outcome.FAILED).background()));
        assertEquals(2, page.all("//td[@data-sender='java' and @data-receiver='java']/a[@data-transport]").size());
        assertEquals(1, page.all("//td[@data-sender='python' and @data-receiver='java']/a[@data-transport]").size());
    }

    @Test
    void sendersDownReceiversAcrossAndAMissingPairIsADot() {
        Xml page = Xml.parse(InteropPage.render("interop", pairs()));
        assertEquals(List.of("java", "python"), page.all("//th[@class='receiver']").stream().map(Element::getTextContent).toList());
        assertEquals(List.of("java", "python"), page.all("//th[@class='sender']").stream().map(Element::getTextContent).toList());
        assertEquals("·", page.one("//td[@data-sender='python' and @data-receiver='python']").getTextContent());
    }

    @Test
    void aBoxLinksToItsScenariosWhichLinkToTheirResults() {
        Xml page = Xml.parse(InteropPage.render("interop", pairs()));
        String href = box(page, "java", "python", "shm").getAttribute("href");
        assertTrue(href.startsWith("#"), href);
        Element section = page.one("//section[@id='" + href.substring(1) + "']");
        List<String> links = page.all("//section[@id='" + href.substring(1) + "']//a[@class='scenario']").stream()
                .map(e -> e.getAttribute("href")).toList();
        assertEquals(List.of("jp/o1.html", "jp/o2.html"), links);
        assertTrue(section.getTextContent().contains("torn <b>"), "names are text, escaped");
        assertEquals("java-x-java/matrix.html",
                page.one("//td[@data-sender='java' and @data-receiver='java']/a[@class='matrix']").getAttribute("href"));
        assertFalse(InteropPage.render("interop", pairs()).contains("javascript:"), "an unsafe link is dropped");
    }
}
