package org.ipcspec.harness.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.ipcspec.harness.process.ProcessReaper;
import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.run.ConformanceRun;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.run.RunOptions;
import org.ipcspec.harness.run.RunResult;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.scenario.ProfileLocator;

/**
 * The suite's self-test: a checker that cannot fail is a defect. Each fault is the reference
 * endpoint wrong in one way ({@link FaultyEndpoint}); it runs against the few scenarios that should
 * catch it, and at least one of them must fail naming the rule it breaks ("O1 violated: ...").
 * The reference endpoint runs the same scenarios and must pass them all, so a fault's failure is
 * the fault's, not the selection's.
 */
class FaultyEndpointsTest {

    /**
     * A fault, the scenarios that should catch it (a tag expression), and the rules they must name:
     * each rule by at least one failed scenario.
     */
    /** @param everyScenario whether each scenario of the selection must fail (else at least one) */
    record Case(String fault, List<String> rules, String tags, boolean everyScenario) {
        Case(String fault, String rules, String tags) {
            this(fault, List.of(rules.split(" ")), tags, false);
        }

        /** A fault that must be caught in every scenario it is run in: on every transport and size selected. */
        static Case everywhere(String fault, String rules, String tags) {
            return new Case(fault, List.of(rules.split(" ")), tags, true);
        }

        @Override
        public String toString() {
            return fault + " -> " + String.join(", ", rules);
        }
    }

    /*
     * Narrow selections, on shm (whose scenarios are the quickest) unless the fault shows differently
     * on another transport. A lost or extra message is looked for where the harness can see it as a
     * rule broken: with an asynchronous receiver in single-message scenarios (a synchronous receive
     * waiting for a message that never comes is reported BROKEN, no reply), and in a bulk run only
     * where the count still adds up (a receive_many short of messages waits out its 3-minute bound).
     */
    static final List<Case> CASES = List.of(
            new Case("sync-send-returns-early", "S1", "@blocking and @S1 and @shm and @sync-receive"),
            new Case("async-send-blocks", "S2", "@blocking and @S2 and @shm and @sync-receive"),
            new Case("async-receive-blocks", "R2", "@blocking and @R2 and @shm and @async-send"),
            new Case("sync-receive-returns-empty", "R1", "@blocking and @R1 and @shm and @async-send"),
            new Case("reorder", "O1", "@ordering and @shm and @async-send and @sync-receive"),
            new Case("drop", "O2", "@blocking and @S2 and @shm and @async-receive"),
            new Case("duplicate", "O2", "@ordering and @shm and @async-send and @sync-receive"),
            new Case("corrupt", "O2", "@blocking and @S2 and @shm and @sync-receive"),
            new Case("never-full", "S2", "@capacity and @S2 and @shm and @sync-receive"),
            new Case("early-timeout", "T1", "@timeouts and @shm"),
            new Case("ignores-receiver-death", "K1", "@crashes and @K1 and @sync-send and @shm"),
            new Case("world-readable", "P1", "@permissions and (@shm or @file)"),
            new Case("torn-record", "O2 K1", "(@blocking and @S2 and @shm and @sync-receive) or (@crashes and @K1 and @async-send and @shm)"),
            new Case("accepts-second-receiver", "X1", "@ownership and @shm"),
            new Case("ignores-format", "F1", "@formats and @shm and not @async-send"),
            new Case("too-large-accepted", "F1", "@formats and @O2 and @shm"),
            new Case("slow", "THROUGHPUT", "@throughput and @shm"),
            new Case("stalls-once", "LATENCY", "@latency and @shm and @async-send"),
            new Case("forgets-on-crash", "D1", "@durability"),
            // The hard way: hanging for ever rather than returning late, wrong only under load or on one
            // transport, lying in timestamps and figures. Each must be a rule broken (exit 1), never broken.
            new Case("async-send-hangs", "S2", "@blocking and @S2 and @shm and @sync-receive"),
            new Case("async-receive-waits", "R2", "@blocking and @R2 and @shm and @async-send"),
            new Case("sync-receive-hangs-on-socket", "R1", "@blocking and @R1 and @socket and @async-send"),
            new Case("ignores-timeout", "T1", "@timeouts and @shm"),
            new Case("sync-send-hangs-on-file", "S1", "@blocking and @S1 and @file"),
            new Case("drops-under-load", "O2", "@ordering and @shm and @async-send and @sync-receive"),
            new Case("reorders-under-load", "O1", "@ordering and @shm and @async-send and @sync-receive"),
            new Case("accepts-second-receiver-on-socket", "X1", "@ownership and @socket"),
            new Case("ignores-format-on-file", "F1", "@formats and @file and not @async-send"),
            new Case("world-readable-on-shm", "P1", "@permissions and @shm"),
            new Case("ignores-receiver-death-on-socket", "K1", "@crashes and @K1 and @sync-send and @socket"),
            new Case("async-send-hangs-on-socket", "S2", "@blocking and @S2 and @socket and @sync-receive"),
            new Case("async-receive-waits-on-file", "R2", "@blocking and @R2 and @file and @async-send"),
            new Case("ignores-timeout-on-socket", "T1", "@timeouts and @socket"),
            new Case("backdates-receives", "C1", "@blocking and @R1 and @shm and @async-send"),
            new Case("slow-with-fast-figures", "THROUGHPUT", "@throughput and @shm"),
            new Case("understates-latency", "LATENCY", "@latency and @shm and @async-send"),
            Case.everywhere("understates-round-trips", "LATENCY", "@latency and @request-reply and @shm"),
            new Case("hides-its-wait", "S2", "@blocking and @S2 and @shm and @sync-receive"),
            // Faults real machines have: a message lost across a SIGSTOP/SIGCONT pause.
            new Case("loses-across-pause", "O2", "@pauses and @shm and not @bulk"),
            // ... and a message lost to a full disk, reported sent (needs root for the disk's tmpfs).
            new Case("swallows-write-errors", "O2", "@disk"),
            // ... and a sender that hides its receiver's death by reconnecting behind its caller's back.
            new Case("reconnects-silently", "K1", "@reopen"),
            // What a hostile peer writes into the ring must never reach the application as a message.
            new Case("delivers-garbage", "H1", "@hostile and @shm"),
            // Latency at an offered rate (latency.feature): a sender that stalls 20 ms every 2,000
            // messages, the same on file's scale, and one that sends in bursts fail LATENCY in every
            // scenario, on every transport and size.
            Case.everywhere("stalls-periodically", "LATENCY", "@latency and @async-send and not @request-reply and (@shm or @socket)"),
            Case.everywhere("stalls-periodically-long", "LATENCY", "@latency and @async-send and not @request-reply and @file"),
            Case.everywhere("sends-in-bursts", "LATENCY", "@latency and @async-send and not @request-reply"),
            // ... and a request/reply whose acknowledgements wait on a delayed-ack timer now and then.
            Case.everywhere("delays-acknowledgements", "LATENCY", "@latency and @request-reply and (@shm or @socket)"));

    private static Profile reference;

    @BeforeAll
    static void loadReference() {
        reference = Profile.load(Path.of("../features/reference.yaml").toAbsolutePath().normalize());
        assertTrue(Files.isRegularFile(endpointJar()), "the endpoint jar is missing: " + endpointJar()
                + " (build it first: mvn -q -B -pl impl -am install -DskipTests)");
    }

    @AfterAll
    static void nothingLeftRunning() {
        ProfileLocator.use(null);
        assertEquals(0, ProcessReaper.liveCount(), "endpoint processes outlived their scenarios");
        // Also as the OS sees it: no endpoint among this JVM's descendants (the reaper knows only what it registered).
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(line -> line.contains(FaultyEndpoint.class.getName()) || line.contains("ipcspec-endpoint.jar")).toList();
        assertTrue(left.isEmpty(), "endpoint processes still running: " + left);
    }

    /** {@code -Dipcspec.faults=a,b} runs only those faults' cases, while working on them; absent: all. */
    static Stream<Case> cases() {
        String only = System.getProperty("ipcspec.faults", "");
        List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
        return CASES.stream().filter(c -> names.isEmpty() || names.contains(c.fault()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void faultIsCaught(Case c) {
        org.junit.jupiter.api.Assumptions.assumeTrue(runnableHere(c), "the small disk of " + c.tags() + " needs root");
        RunResult result = run(faulty(c.fault()), c.tags());
        System.out.println("fault " + c + ": " + describe(result));
        for (String rule : c.rules()) {
            String wanted = rule + " violated";
            boolean caught = result.scenarios().stream()
                    .anyMatch(s -> s.outcome() == Outcome.FAILED && s.message().contains(wanted));
            assertTrue(caught, "fault " + c.fault() + ": no scenario of '" + c.tags() + "' failed with \"" + wanted + "\"; "
                    + describe(result));
            if (c.everyScenario()) {
                List<String> missed = result.scenarios().stream()
                        .filter(s -> s.outcome() != Outcome.FAILED || !s.message().contains(wanted)).map(ScenarioResult::name).toList();
                assertTrue(missed.isEmpty(), "fault " + c.fault() + ": not caught as \"" + wanted + "\" in " + missed + "; "
                        + describe(result));
            }
        }
        // A fault breaks a rule; none of them crashes or breaks the protocol, so none may come out broken.
        assertEquals(1, result.exitCode(), "fault " + c.fault() + ": exit status; " + describe(result));
        assertTrue(result.scenarios().stream().noneMatch(s -> s.outcome() == Outcome.BROKEN || s.outcome() == Outcome.SPEC_ERROR),
                "fault " + c.fault() + ": a rule broken came out as a broken run; " + describe(result));
    }

    /** The faulty endpoint without a fault passes too: what fails above is the fault, not the wrapping. */
    @Test
    void faultyEndpointWithoutFaultPasses() {
        String tags = "@blocking and @shm";
        RunResult result = run(faulty("none"), tags);
        System.out.println("fault none: " + describe(result));
        assertFalse(result.scenarios().isEmpty(), "nothing ran for " + tags);
        assertTrue(result.scenarios().stream().allMatch(s -> s.outcome() == Outcome.PASSED), describe(result));
    }

    /**
     * An endpoint that answers the optional fields of paced and request/reply batches unsupported,
     * as the protocol asks: those latency scenarios are unsupported, the synchronous round trips
     * still pass, and the run exits 0.
     */
    @Test
    void anEndpointWithoutPacingGetsUnsupportedForThePacedScenariosAndPassesTheRest() {
        RunResult result = run(faulty(RefusesOptionalFields.FAULT), "@latency and (@shm or @socket)");
        System.out.println("fault " + RefusesOptionalFields.FAULT + ": " + describe(result));
        assertEquals(0, result.exitCode(), describe(result));
        for (ScenarioResult s : result.scenarios()) {
            boolean optional = s.name().contains("offered rate") || s.name().contains("acknowledgement");
            assertEquals(optional ? Outcome.UNSUPPORTED : Outcome.PASSED, s.outcome(), s.name() + ": " + describe(result));
        }
        assertTrue(result.scenarios().stream().anyMatch(s -> s.outcome() == Outcome.PASSED), "no round trip ran: " + describe(result));
    }

    /** The control: the reference endpoint passes every selection above, and no selection is empty. */
    @Test
    void referencePassesTheSameScenarios() {
        for (Case c : CASES) {
            assertTrue(ConformanceRun.count(RunOptions.defaults().withTags(c.tags())) > 0,
                    "the selection of " + c.fault() + " selects no scenario: " + c.tags());
        }
        String union = CASES.stream().filter(FaultyEndpointsTest::runnableHere).map(c -> "(" + c.tags() + ")").distinct()
                .collect(Collectors.joining(" or "));
        RunResult result = run(reference, union);
        System.out.println("reference: " + describe(result));
        assertFalse(result.scenarios().isEmpty(), "nothing ran for " + union);
        assertTrue(result.scenarios().stream().allMatch(s -> s.outcome() == Outcome.PASSED),
                "the reference endpoint did not pass the self-test's scenarios; " + describe(result));
    }

    /** The disk-full scenarios mount a tmpfs, which only root may: elsewhere they are unsupported, and catch nothing. */
    static boolean runnableHere(Case c) {
        return !c.tags().contains("@disk") || "root".equals(System.getProperty("user.name"));
    }

    private static RunResult run(Profile profile, String tags) {
        ProfileLocator.use(profile);
        try {
            return ConformanceRun.run(RunOptions.defaults().withTags(tags), r -> { });
        } finally {
            ProfileLocator.use(null);
        }
    }

    /** The reference profile with the faulty endpoint's command; bounds, transports and defaults unchanged. */
    static Profile faulty(String fault) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                endpointJar() + File.pathSeparator + testClasses(), FaultyEndpoint.class.getName(), fault);
        return new Profile(reference.file(), reference.name() + "+" + fault, command, reference.env(),
                reference.transports(), reference.bounds(), reference.bulkCount(), reference.sampleEvery(), reference.wire());
    }

    static Path endpointJar() {
        return Path.of(System.getProperty("ipcspec.endpoint.jar", "../impl/target/ipcspec-endpoint.jar")).toAbsolutePath().normalize();
    }

    private static Path testClasses() {
        try {
            return Path.of(FaultyEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scenario's outcome and the first line of its message, one a line. */
    static String describe(RunResult result) {
        Map<Outcome, Integer> counts = result.counts();
        List<String> lines = new ArrayList<>();
        lines.add(result.scenarios().size() + " scenarios in " + result.wallTime().toMillis() + " ms " + counts + ":");
        for (ScenarioResult s : result.scenarios()) {
            String first = s.message().lines().findFirst().orElse("");
            lines.add("  " + s.outcome() + " " + s.duration().toMillis() + " ms  " + s.name() + " (" + s.location() + ")"
                    + (first.isEmpty() ? "" : ": " + first));
        }
        return String.join("\n", lines);
    }
}
