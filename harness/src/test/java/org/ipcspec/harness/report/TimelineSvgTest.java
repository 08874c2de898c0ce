package org.ipcspec.harness.report;

import static org.ipcspec.harness.report.Samples.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcspec.harness.report.Timeline.Call;
import org.ipcspec.harness.report.Timeline.Kind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TimelineSvgTest {

    private static Xml render(Timeline timeline) {
        Xml svg = Xml.parse(TimelineSvg.render(timeline));
        assertEquals("svg", svg.root().getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.root().getAttribute("xmlns"));
        return svg;
    }

    private static Element bar(Xml svg, int callId) {
        return svg.one("//g[@data-call='" + callId + "']/rect[starts-with(@class,'bar')]");
    }

    @Test
    void drawsOneNamedLanePerProcessInOrder() {
        Xml svg = render(Samples.scenario());
        List<Element> lanes = svg.all("//g[@class='lane']");
        assertEquals(List.of("sender", "sender 2", "receiver"), lanes.stream().map(e -> e.getAttribute("data-lane")).toList());
        assertEquals(List.of("sender", "sender 2", "receiver"),
            svg.all("//g[@class='lane']/text[@class='lane-name']").stream().map(Element::getTextContent).toList());
    }

    @Test
    void drawsOneBarPerCallWithItsTimeExtent() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        assertEquals(timeline.calls().size(), svg.all("//rect[starts-with(@class,'bar')]").size());
        for (String lane : timeline.lanes()) {
            List<Call> calls = timeline.calls().stream().filter(c -> c.lane().equals(lane))
                .sorted(Comparator.comparingLong(Call::beginNs)).toList();
            for (int i = 1; i < calls.size(); i++) {
                Element previous = bar(svg, calls.get(i - 1).id());
                Element next = bar(svg, calls.get(i).id());
                assertTrue(Xml.num(previous, "x") + Xml.num(previous, "width") <= Xml.num(next, "x") + 0.01,
                    "bars of " + lane + " in time order without overlap: " + calls.get(i - 1).label() + " then " + calls.get(i).label());
            }
        }
        // length shows duration: send #1 (8..31 ms) is 23 times as long as send #2 (34..35 ms)
        double long1 = Xml.num(bar(svg, idOf(timeline, "sender", "send #1 sync")), "width");
        double short2 = Xml.num(bar(svg, idOf(timeline, "sender", "send #2 sync")), "width");
        assertEquals(23.0, long1 / short2, 0.1);
    }

    @Test
    void giveZeroLengthCallsAVisibleWidthAndColoursByStatus() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        int full = idOf(timeline, "sender 2", "send #8 async");
        Element bar = bar(svg, full);
        assertTrue(Xml.num(bar, "width") >= TimelineSvg.MIN_BAR_WIDTH);
        assertEquals(Tone.IDLE.fill, bar.getAttribute("fill"));
        assertEquals(Tone.OK.fill, bar(svg, idOf(timeline, "sender", "send #1 sync")).getAttribute("fill"));
        assertEquals(Tone.BLOCKED.fill, bar(svg, idOf(timeline, "sender 2", "send #7 sync")).getAttribute("fill"));
        assertEquals(Tone.ERROR.fill, bar(svg, idOf(timeline, "sender", "send #4 sync")).getAttribute("fill"));
    }

    @Test
    void tooltipsCarryExactTimes() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        String tip = svg.one("//g[@data-call='" + idOf(timeline, "sender", "send #1 sync") + "']/title").getTextContent();
        assertTrue(tip.contains("begin 8.000000 ms, t=" + ms(8) + " ns"), tip);
        assertTrue(tip.contains("end 31.000000 ms, t=" + ms(31) + " ns"), tip);
        assertTrue(tip.contains("took 23.000000 ms"), tip);
        assertTrue(tip.contains("status ok"), tip);
    }

    @Test
    void drawsAnArrowPerMessageFromSendToReceive() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        List<Element> messages = svg.all("//g[starts-with(@class,'message')]");
        assertEquals(Set.of("1", "2", "3", "7"), messages.stream().map(e -> e.getAttribute("data-seq")).collect(Collectors.toSet()));
        for (Timeline.Message m : timeline.messages()) {
            Element line = svg.one("//g[@data-message='" + m.id() + "']/line[@class='arrow']");
            Element sendBar = bar(svg, timeline.calls().stream()
                .filter(c -> c.lane().equals(m.fromLane()) && c.beginNs() == m.sentNs()).findFirst().orElseThrow().id());
            assertEquals(Xml.num(sendBar, "x"), Xml.num(line, "x1"), 0.01, "arrow starts where the send began");
            assertTrue(Xml.num(line, "x2") > Xml.num(line, "x1"), "arrow points forward in time");
            assertTrue(Xml.num(line, "y2") > Xml.num(line, "y1"), "arrow points from the sender lane down to the receiver lane");
            assertTrue(line.getAttribute("marker-end").startsWith("url(#arrow"));
        }
    }

    @Test
    void highlightsViolationsInRedWithTheRuleId() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        int s2 = idOf(timeline, "sender", "send #2 sync");
        assertEquals("call violated", svg.one("//g[@data-call='" + s2 + "']").getAttribute("class"));
        assertEquals(TimelineSvg.RED, bar(svg, s2).getAttribute("stroke"));
        Element s1Label = svg.one("//text[@class='violation-label' and @data-call='" + s2 + "']");
        assertEquals("S1", s1Label.getTextContent());
        assertEquals(TimelineSvg.RED, s1Label.getAttribute("fill"));

        Element o1 = svg.one("//g[@class='message violated']");
        assertEquals("7", o1.getAttribute("data-seq"));
        assertEquals(TimelineSvg.RED, svg.one("//g[@class='message violated']/line").getAttribute("stroke"));
        assertEquals("O1", svg.one("//g[@class='message violated']/text[@class='violation-label']").getTextContent());

        Element k1 = svg.one("//g[@class='violation' and @data-rule='K1']");
        assertEquals("sender", k1.getAttribute("data-lane"));
        assertFalse(svg.all("//g[@data-rule='K1']/*[@fill='" + TimelineSvg.RED + "' or @stroke='" + TimelineSvg.RED + "']").isEmpty());
        assertTrue(svg.one("//g[@class='violation-list']").getTextContent().contains("K1"));
        // an untouched call stays in its status colours
        assertEquals(Tone.OK.stroke, bar(svg, idOf(timeline, "sender", "send #1 sync")).getAttribute("stroke"));
    }

    @Test
    void drawsUnfinishedCallsToTheRightEdge() {
        Timeline timeline = Samples.scenario();
        Xml svg = render(timeline);
        int open = idOf(timeline, "sender 2", "receive ack sync");
        Element bar = bar(svg, open);
        assertEquals("bar unfinished", bar.getAttribute("class"));
        assertEquals("unfinished", svg.one("//g[@data-call='" + open + "']").getAttribute("data-status"));
        double rightEdge = TimelineLayout.LEFT + TimelineLayout.PLOT_WIDTH;
        assertTrue(Xml.num(bar, "x") + Xml.num(bar, "width") > rightEdge, "unfinished bar reaches past the last event");
        assertEquals("unfinished", svg.one("//g[@data-call='" + open + "']/text[@class='unfinished-label']").getTextContent());
        assertTrue(svg.one("//g[@data-call='" + open + "']/title").getTextContent().contains("unfinished"));
    }

    @Test
    void escapesHostileText() {
        String hostile = "<script>alert(\"x\")&amp;</script>'\u0001]]>";
        Timeline.Builder b = Timeline.builder(hostile);
        b.lane("<b>&\"");
        int id = b.call("<b>&\"", Kind.SEND, hostile, 0, 1000, hostile);
        b.mark("<b>&\"", 500, hostile);
        b.violationOnCall("<S1>", hostile, id);
        b.violation("&", hostile, 10, "<b>&\"");
        String raw = TimelineSvg.render(b.build());
        Xml svg = Xml.parse(raw);
        assertTrue(svg.all("//script").isEmpty(), "no element was injected");
        assertTrue(svg.all("//b").isEmpty(), "no element was injected");
        assertEquals("<b>&\"", svg.one("//g[@class='lane']").getAttribute("data-lane"));
        assertTrue(svg.text().contains("<script>alert(\"x\")&amp;</script>'\uFFFD]]>"), "text survives verbatim, control char replaced");
        assertFalse(raw.contains("<script>"));
    }

    @Test
    void capsArrowsForBulkRunsAndSaysHowManyWereLeftOut() {
        Timeline.Builder b = Timeline.builder("bulk");
        b.lane("sender").lane("receiver");
        int lastMessage = 0;
        for (int i = 0; i < 1500; i++) {
            long t = 1_000_000L * i;
            b.call("sender", Kind.SEND, "send #" + i, t, t + 200_000, "ok");
            b.call("receiver", Kind.RECEIVE, "receive", t + 100_000, t + 300_000, "message");
            lastMessage = b.message(i, "sender", t, "receiver", t + 300_000);
        }
        b.violationOnMessage("O1", "seq 1499 collected twice", lastMessage);
        Xml svg = render(b.build());
        List<Element> arrows = svg.all("//g[starts-with(@class,'message')]");
        assertEquals(TimelineSvg.MAX_ARROWS, arrows.size());
        assertEquals("1499", svg.one("//g[@class='message violated']").getAttribute("data-seq"), "a violating message is always drawn");
        List<Long> seqs = arrows.stream().filter(e -> e.getAttribute("class").equals("message"))
            .map(e -> Long.parseLong(e.getAttribute("data-seq"))).sorted().toList();
        assertTrue(seqs.get(0) < 10 && seqs.get(seqs.size() - 1) > 1400, "the drawn arrows spread over the whole run: " + seqs);
        String note = svg.one("//text[@class='capped-note']").getTextContent();
        assertTrue(note.contains("1200 more messages not drawn"), note);
        assertTrue(note.contains("1000 more calls not drawn"), note);
        assertEquals(TimelineSvg.MAX_BARS, svg.all("//rect[starts-with(@class,'bar')]").size());
        assertTrue(svg.all("//text[@class='seq' and not(../@class='message violated')]").isEmpty(), "no seq label clutter in bulk");
    }

    @Test
    void drawsASingleLane() {
        Timeline.Builder b = Timeline.builder("single");
        b.call("receiver", Kind.RECEIVE, "receive async", 100, 100, "empty");
        b.mark("receiver", 50, "open ok");
        Xml svg = render(b.build());
        assertEquals(1, svg.all("//g[@class='lane']").size());
        assertEquals("receiver", svg.one("//g[@class='lane']").getAttribute("data-lane"));
        assertEquals(1, svg.all("//rect[starts-with(@class,'bar')]").size());
        assertEquals("open ok", svg.one("//g[@class='mark']/text").getTextContent());
    }

    @Test
    void drawsAnEmptyTimeline() {
        Xml svg = render(Timeline.builder("nothing").build());
        assertTrue(svg.all("//g[@class='lane']").isEmpty());
        assertTrue(svg.one("//text[@class='empty-note']").getTextContent().contains("nothing was recorded"));
    }

    @Test
    void putsOverlappingCallsOfOneLaneOnSeparateRows() {
        Timeline.Builder b = Timeline.builder("overlap");
        int a = b.call("sender", Kind.SEND, "a", 0, 10_000_000, "ok");
        int c = b.call("sender", Kind.SEND, "b", 5_000_000, 12_000_000, "ok");
        Xml svg = render(b.build());
        assertTrue(Xml.num(bar(svg, c), "y") > Xml.num(bar(svg, a), "y"));
    }

    @Test
    void appendsLanesUsedButNotDeclared() {
        Timeline.Builder b = Timeline.builder("lanes");
        b.lane("receiver");
        b.call("sender", Kind.SEND, "send", 0, 10, "ok");
        Xml svg = render(b.build());
        assertEquals(List.of("receiver", "sender"), svg.all("//g[@class='lane']").stream().map(e -> e.getAttribute("data-lane")).toList());
    }

    private static int idOf(Timeline timeline, String lane, String label) {
        return timeline.calls().stream().filter(c -> c.lane().equals(lane) && c.label().equals(label)).findFirst().orElseThrow().id();
    }
}
