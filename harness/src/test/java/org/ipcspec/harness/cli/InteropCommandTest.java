package org.ipcspec.harness.cli;

import static org.ipcspec.harness.cli.Captured.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.ipcspec.harness.process.ProcessReaper;
import org.ipcspec.harness.scenario.ProfileLocator;

/**
 * The Java x Python interop matrix, in `mvn verify`: a few scenarios per transport and the
 * hostile-peer ones, for every ordered pair of the reference and the Python example.
 */
class InteropCommandTest {

    static final Path REFERENCE = Path.of("../features/reference.yaml");
    static final Path PYTHON = Path.of("../docs/examples/python/profile.yaml");
    /** One scenario per transport that moves many messages each way, a capacity one, and the hostile peer's. */
    static final String SELECTION = "(@ordering and @sync-send and @sync-receive) or (@capacity and @S2 and @sync-receive) or @H1";

    @TempDir
    Path reports;

    @AfterEach
    void forgetProfile() {
        ProfileLocator.use(null);
        assertEquals(0, ProcessReaper.liveCount(), "endpoint processes outlived their scenarios");
    }

    @Test
    void javaAndPythonPassEveryCellOfTheTwoByTwoMatrix() throws Exception {
        Captured run = run("interop", REFERENCE.toString(), PYTHON.toString(), "--tags", SELECTION, "--no-report",
                "--reports", reports.toString());
        assertEquals(0, run.status(), run.toString());

        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("interop.html").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList pairs = (NodeList) xpath.evaluate("//td[@class='pair']", page, XPathConstants.NODESET);
        assertEquals(4, pairs.getLength(), "2 x 2 pairs");
        for (String sender : List.of("ipcspec-reference", "ipcspec-python-example")) {
            for (String receiver : List.of("ipcspec-reference", "ipcspec-python-example")) {
                String cell = "//td[@data-sender='" + sender + "' and @data-receiver='" + receiver + "']/a[@data-transport]";
                NodeList boxes = (NodeList) xpath.evaluate(cell, page, XPathConstants.NODESET);
                assertEquals(3, boxes.getLength(), sender + " x " + receiver + ": a box per transport");
                NodeList passed = (NodeList) xpath.evaluate(cell + "[@data-outcome='passed']", page, XPathConstants.NODESET);
                assertEquals(3, passed.getLength(), sender + " x " + receiver + ": every transport passed");
            }
        }

        // Every pair's Allure results name both implementations.
        Set<String> labelled = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(reports.resolve("interop"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                String s = null;
                String r = null;
                for (JsonNode label : json.readTree(f.toFile()).path("labels")) {
                    switch (label.path("name").asText()) {
                        case "sender-implementation" -> s = label.path("value").asText();
                        case "receiver-implementation" -> r = label.path("value").asText();
                        default -> { }
                    }
                }
                assertTrue(s != null && r != null, f + " lacks the pair's labels");
                labelled.add(s + " x " + r);
            }
        }
        assertEquals(4, labelled.size(), "results of every ordered pair: " + labelled);
    }

    /** A sender and receiver that agree with each other but not with the format pass alone and fail paired. */
    @Test
    void aWrongWireFormatFailsItsInteropCellsAndPassesAgainstItself() throws Exception {
        Path wrong = Path.of("src/test/resources/wrong-endian/profile.yaml");
        Captured run = run("interop", REFERENCE.toString(), wrong.toString(), "--transport", "socket",
                "--tags", "@ordering and @sync-send and @sync-receive", "--no-report", "--reports", reports.toString());
        // The cross pairs cannot even open (the handshake's frames are misread): W1 failed, naming the frame.
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("W1 violated: the sender could not open the main channel"), run.toString());
        assertTrue(run.out().contains("frame too long"), run.toString());
        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("interop.html").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        for (String sender : List.of("ipcspec-reference", "python-little-endian")) {
            for (String receiver : List.of("ipcspec-reference", "python-little-endian")) {
                String outcome = xpath.evaluate("//td[@data-sender='" + sender + "' and @data-receiver='" + receiver
                        + "']/a[@data-transport='socket']/@data-outcome", page);
                assertEquals(sender.equals(receiver) ? "passed" : "failed", outcome, sender + " x " + receiver + "\n" + run);
            }
        }
    }

    @Test
    void aTransportWithoutACommonWireFormatIsUnsupportedNamingBoth() throws Exception {
        String python = Files.readString(PYTHON).replace("socket: ipcspec-socket/1", "socket: python-socket/1")
                .replace("./endpoint.py", PYTHON.toAbsolutePath().getParent().resolve("endpoint.py").toString());
        Path mine = reports.resolve("mine.yaml");
        Files.writeString(mine, python);
        Captured run = run("run", "--sender-profile", REFERENCE.toString(), "--receiver-profile", mine.toString(),
                "--tags", "@H1 and @socket", "--no-report", "--reports", reports.resolve("r").toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("unsupported"), run.toString());
        assertTrue(run.out().contains("ipcspec-socket/1") && run.out().contains("python-socket/1"), run.toString());
    }

    @Test
    void onlyOneSideOfAPairIsAUsageError() {
        Captured run = run("run", "--sender-profile", REFERENCE.toString(), "--reports", reports.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("--receiver-profile"), run.toString());
    }
}
