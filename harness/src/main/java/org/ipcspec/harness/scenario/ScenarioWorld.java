package org.ipcspec.harness.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opentest4j.TestAbortedException;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.HistoryRecorder;
import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;
import org.ipcspec.harness.process.Pause;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.profile.Pairing;
import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.spec.Rule;
import org.ipcspec.harness.spec.ScenarioTags;

/**
 * The state of one scenario, shared by its steps (one instance per scenario, made by
 * picocontainer): the profile, the channel being specified, the participants' processes, and the
 * history of everything they did. Steps stay thin; what they share lives here.
 */
public final class ScenarioWorld implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Profile profile;
    /** A mixed run's pair, or null when every process starts from {@link #profile}. */
    private final Pairing pairing;
    private final HistoryRecorder history = new HistoryRecorder();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, Silence> silences = new java.util.concurrent.ConcurrentHashMap<>();
    /** Participants stopped with SIGSTOP and not resumed yet, by name. */
    private final Map<String, Pause> paused = new LinkedHashMap<>();
    private ScenarioTags tags = ScenarioTags.NONE;
    private String location = "";
    private ScenarioDirectory directory;
    private ChannelSettings channel;
    private SmallDisk disk;
    private String scenarioName = "";

    public ScenarioWorld() {
        this.pairing = ProfileLocator.pairing().orElse(null);
        this.profile = ProfileLocator.current();
    }

    public Profile profile() {
        return profile;
    }

    public Bounds bounds() {
        return profile.bounds();
    }

    public Duration nonBlockingBound() {
        return Duration.ofMillis(bounds().nonBlockingMs());
    }

    public Duration blockedBound() {
        return Duration.ofMillis(bounds().blockedMs());
    }

    public Duration crashBound() {
        return Duration.ofMillis(bounds().crashMs());
    }

    /**
     * Half the crash bound: the profile's measure of how long anything may take to be noticed on
     * a loaded machine, the slack over which a stalled run or a hung asynchronous call is judged.
     */
    public Duration noticeBound() {
        return crashBound().dividedBy(2);
    }

    /**
     * How long the participant has written nothing (harness clock, nanos): since its last line,
     * the last request written to it, or its resume from a pause, whichever came last.
     */
    public long silentFor(Participant participant) {
        Silence silence = silences.get(participant.name());
        long since = silence == null ? participant.process().startedNanos() : silence.lastLine();
        return System.nanoTime() - since;
    }

    /**
     * How long a bulk run's side may write nothing before the run is judged on what it has
     * (docs/protocol.md#outcomes): the {@link #noticeBound()} plus the longest gap between the
     * participant's lines in this call so far. A side that keeps its own pace (a sampled line every
     * {@code sample_every} messages) is never silent that long; one that stopped is judged within
     * a few seconds instead of waiting out its batch's {@code timeout_ms}. A side that has
     * written nothing yet in the call is held to the notice bound alone.
     */
    public Duration stallBound(Participant participant) {
        Silence silence = silences.get(participant.name());
        long cadence = silence == null ? 0 : silence.longestGap();
        return noticeBound().plusNanos(cadence);
    }

    /** How long a call that should end promptly may take before the endpoint counts as hung. */
    public Duration replyBound() {
        return Duration.ofMillis(Math.max(10_000, 2 * bounds().crashMs()));
    }

    /** @param location where the scenario is written: {@code features/blocking.feature:31} */
    public void scenario(String name, Collection<String> tags, String location) {
        this.scenarioName = name;
        this.tags = ScenarioTags.of(tags);
        this.location = location;
    }

    public String location() {
        return location;
    }

    public ScenarioTags tags() {
        return tags;
    }

    public String scenarioName() {
        return scenarioName;
    }

    /** The rules the scenario's tags name (@S1, @O2, @THROUGHPUT, ...). */
    public Set<Rule> rules() {
        return tags.rules();
    }

    /**
     * The rule a step judges by, when which one depends on what the scenario is about: the first
     * of {@code candidates} the scenario is tagged with. A scenario tagged with none of them is
     * an error in the spec: it judges something under a rule it does not name.
     *
     * @param judging what the step judges, for the error: "the collection of messages 2 to 5"
     */
    public Rule ruleFor(String judging, List<Rule> candidates) {
        return candidates.stream().filter(tags::has).findFirst().orElseThrow(() -> new SpecError(location + ": scenario \""
                + scenarioName + "\" judges " + judging + " under " + (candidates.size() == 1 ? "rule " : "one of the rules ")
                + candidates.stream().map(Rule::name).collect(java.util.stream.Collectors.joining(", "))
                + ", but is tagged with " + (tags.rules().isEmpty() ? "no rule" : tags.ruleIds()) + ": add the rule's tag"));
    }

    public Path directory() {
        if (directory == null) {
            directory = ScenarioDirectory.create(channel == null ? null : channel.transport());
        }
        return directory.path();
    }

    /**
     * The wire format that a mixed run of two different implementations has them share on the
     * scenario's transport, or empty when every process runs one implementation (a self-pair or a
     * plain run): then a failure to open is the implementation's own, not the pair's.
     */
    public Optional<String> sharedWireFormat() {
        if (pairing == null || !pairing.crossed() || channel == null) {
            return Optional.empty();
        }
        return pairing.sender().wireFormat(channel.transport());
    }

    /** Declares the channel of the scenario; fails as unsupported when the profile does not claim the transport. */
    public ChannelSettings channel(ChannelSettings settings) {
        if (pairing != null && pairing.unsupported(settings.transport()).isPresent()) {
            throw new TestAbortedException("unsupported: " + pairing.unsupported(settings.transport()).get());
        }
        if (!profile.claims(settings.transport())) {
            throw new TestAbortedException("unsupported: the profile of " + profile.name() + " does not claim the "
                    + settings.transport() + " transport");
        }
        this.channel = settings;
        return settings;
    }

    public ChannelSettings channel() {
        if (channel == null) {
            throw new IllegalStateException("no channel yet: a scenario starts with a step like 'Given a shm channel'");
        }
        return channel;
    }

    /**
     * Puts the scenario's channel folder on a file system of its own of {@code kib} KiB, before any
     * endpoint starts; unsupported unless the harness runs as root.
     */
    public void smallDisk(int kib) {
        if (disk != null || !participants.isEmpty()) {
            throw new SpecError(location + ": the small disk is set up once, right after the channel and before any participant");
        }
        disk = SmallDisk.mount(directory(), kib);
    }

    /** The address of a channel handle: "main" or "reply". Short, to fit a socket path. */
    public String address(String handle) {
        return directory().resolve(handle.equals("main") ? "c" : handle.substring(0, 1)).toString();
    }

    public boolean has(String participant) {
        return participants.containsKey(participant);
    }

    public Participant participant(String name) {
        Participant participant = participants.get(name);
        if (participant == null) {
            throw new IllegalStateException("there is no " + name + " in this scenario; there are " + participants.keySet());
        }
        return participant;
    }

    public Collection<Participant> participants() {
        return List.copyOf(participants.values());
    }

    /**
     * Starts the participant's endpoint, waits for hello, and checks that it shares the harness's
     * clock; unsupported (skipped) when the endpoint's hello does not offer the channel's transport.
     */
    public Participant start(String name) {
        if (participants.containsKey(name)) {
            throw new IllegalStateException(name + " is already started");
        }
        Profile from = pairing == null ? profile : pairing.profileFor(name);
        Path workingDirectory = from.file().toAbsolutePath().getParent();
        EndpointProcess process = EndpointProcess.start(name, from.command(), from.env(), workingDirectory, recorder());
        Participant participant;
        try {
            ObjectNode hello = process.awaitHello(Duration.ofMillis(bounds().startMs()));
            participant = new Participant(name, process, hello);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        participants.put(name, participant);
        ClockCheck.verify(this, participant);
        if (channel != null && !offers(participant, channel.transport())) {
            throw new TestAbortedException("unsupported: " + participant.hello().path("implementation").asText("the endpoint")
                    + " does not offer the " + channel.transport() + " transport (its hello: " + participant.hello() + ")");
        }
        return participant;
    }

    private static boolean offers(Participant participant, String transport) {
        for (var offered : participant.hello().path("transports")) {
            if (offered.asText().equals(transport)) {
                return true;
            }
        }
        return false;
    }

    /** Writes a request (an id is added) and remembers it as a call to be judged later. */
    public Call call(Participant participant, String what, ObjectNode request) {
        EndpointProcess.Request written = participant.process().request(request);
        Call call = new Call(what, written.id(), written.line(), System.nanoTime(), written.reply());
        participant.started(call);
        return call;
    }

    /** Waits for the reply to a call; a reply that never comes is a broken endpoint, not a rule. */
    public ObjectNode await(Participant participant, Call call, Duration bound) {
        ObjectNode reply = participant.process().await(call.reply(), bound, call.what());
        participant.judged(call, reply);
        if (!reply.path("ok").asBoolean(false) && "unsupported".equals(reply.path("error").asText())) {
            throw new TestAbortedException("unsupported: " + participant.displayName() + " answered " + reply);
        }
        return reply;
    }

    /** Makes a call and waits for its reply. */
    public ObjectNode callAndAwait(Participant participant, String what, ObjectNode request, Duration bound) {
        return await(participant, call(participant, what, request), bound);
    }

    public void kill(Participant participant) {
        participant.process().kill();
        Pause pause = paused.remove(participant.name());
        if (pause != null) {
            pause.discard();
        }
    }

    /** SIGSTOP of the participant's process (and its descendants); returns once it is stopped. */
    public void pause(Participant participant) {
        if (paused.containsKey(participant.name())) {
            throw new IllegalStateException(participant.displayName() + " is already paused");
        }
        paused.put(participant.name(), Pause.of(participant.process().handle()));
        history.paused(participant.name());
    }

    /** SIGCONT of a participant paused before. */
    public void resume(Participant participant) {
        Pause pause = paused.remove(participant.name());
        if (pause == null) {
            throw new IllegalStateException(participant.displayName() + " is not paused; paused: " + paused.keySet());
        }
        pause.resume();
        resumed(participant.name());
    }

    public boolean isPaused(Participant participant) {
        return paused.containsKey(participant.name());
    }

    /** Wakes every participant still paused, so that each can exit by itself on stdin EOF. */
    private void resumeAll() {
        for (Map.Entry<String, Pause> pause : List.copyOf(paused.entrySet())) {
            pause.getValue().resume();
            resumed(pause.getKey());
        }
        paused.clear();
    }

    public ObjectNode request(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    public History history() {
        return history.snapshot();
    }

    /** Problems seen on the side: garbage on an endpoint's stdout makes the endpoint broken. */
    public void requireNoGarbage() {
        for (Participant participant : participants.values()) {
            List<String> garbage = participant.process().garbage();
            if (!garbage.isEmpty()) {
                throw new EndpointBrokenException("the " + participant.name() + " endpoint broke the protocol on stdout: " + garbage);
            }
        }
    }

    /** After SIGCONT: the history shows the resume, and the pause is not counted as the participant's silence. */
    private void resumed(String participant) {
        long now = System.nanoTime();
        silence(participant, now).resumed(now);
        history.resumed(participant);
    }

    private Silence silence(String participant, long nanos) {
        return silences.computeIfAbsent(participant, name -> new Silence(nanos));
    }

    private EndpointListener recorder() {
        return new EndpointListener() {
            @Override
            public void line(String participant, ObjectNode line, long arrivalNanos) {
                silence(participant, arrivalNanos).line(arrivalNanos);
                history.line(participant, JSON.convertValue(line, Map.class), arrivalNanos);
            }

            @Override
            public void requested(String participant, ObjectNode request, long sentNanos) {
                silence(participant, sentNanos).requested(sentNanos);
                history.request(participant, JSON.convertValue(request, Map.class));
            }

            @Override
            public void lifecycle(String participant, String what, long nanos) {
                if (what.startsWith("killed")) {
                    history.killed(participant);
                } else if (what.startsWith("started")) {
                    history.started(participant, Map.of("what", what));
                }
            }
        };
    }

    /**
     * Ends every process: stdin EOF, as the protocol asks, then a kill after the grace period. After
     * this the history is complete: every reader has drained its stdout.
     */
    public void endProcesses() {
        List<RuntimeException> failures = new ArrayList<>();
        try {
            // A stopped process cannot see stdin EOF: without this its close would wait out the grace period.
            resumeAll();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        // Every stdin first, so the grace periods run at once: a scenario whose endpoints hang
        // waits one grace period at its end, not one for each of them.
        for (Participant participant : participants.values()) {
            participant.process().closeStdin();
        }
        for (Participant participant : participants.values()) {
            try {
                participant.process().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Ends every process and removes the scenario folder. */
    @Override
    public void close() {
        try {
            endProcesses();
        } finally {
            try {
                if (disk != null) {
                    disk.close();
                }
            } finally {
                if (directory != null) {
                    directory.close();
                }
            }
        }
    }
}
