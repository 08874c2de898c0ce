package org.ipcspec.harness.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The raw file-spool baseline: the file transport's spool steps in plain Java, with no protocol,
 * header, CRC, capacity or liveness probes. Per message the writer creates {@code tmp/NAME}
 * (owner-only, exclusive), writes a 4-byte length and the payload, closes it and renames it to
 * {@code new/NAME}; the reader lists {@code new/} when it has no names left, sorts, renames each
 * into {@code cur/} (the collection), reads it and unlinks it. No fsync, as for an asynchronous
 * send. With {@code protocol} last, each side also does the protocol's per-message work.
 *
 * <pre>
 *   reader DIR SIZE UNTIMED COUNT [protocol]  makes tmp/ new/ cur/, hello; UNTIMED batches of COUNT,
 *                                             then TIMED_BATCHES, each after creating DIR/ready-B
 *                                             (B = 0, 1, ..: all collected so far); result: last_t of
 *                                             each timed one
 *   writer DIR SIZE UNTIMED COUNT [protocol]  hello; each batch after DIR/ready-B appears; result:
 *                                             first_t of each timed one
 * </pre>
 */
public final class FileSpoolBaseline {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final Set<StandardOpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private FileSpoolBaseline() {
    }

    public static void main(String[] args) throws IOException {
        String role = args[0];
        Path dir = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        int untimed = Integer.parseInt(args[3]);
        long count = Long.parseLong(args[4]);
        ProtocolWork work = args.length > 5 && args[5].equals("protocol") ? new ProtocolWork(size, false) : null;
        switch (role) {
            case "reader" -> reader(dir, size, untimed, count, work);
            case "writer" -> writer(dir, size, untimed, count, work);
            default -> throw new IllegalArgumentException("unknown role: role=" + role);
        }
    }

    private static void reader(Path dir, int size, int untimed, long count, ProtocolWork work) throws IOException {
        Files.createDirectories(dir, OWNER_ONLY_DIR);
        for (String sub : List.of("tmp", "new", "cur")) {
            Files.createDirectory(dir.resolve(sub), OWNER_ONLY_DIR);
        }
        BaselineLines.hello("spool-reader");
        Collector collector = new Collector(dir, size, work);
        long[] lastT = TimedBatches.ends(untimed, count, batch -> Files.createFile(ready(dir, batch), OWNER_ONLY),
                first -> collector.collect(count));
        if (work != null) {
            work.requireIntact();
        }
        BaselineLines.result("last_t", lastT);
    }

    private static Path ready(Path dir, int batch) {
        return dir.resolve("ready-" + batch);
    }

    private static final class Collector {
        private final Path queue;
        private final Path cur;
        private final int size;
        private final ProtocolWork work;
        private final ByteBuffer file;
        private final ByteBuffer payload;
        private final List<String> names = new ArrayList<>();
        private int next;

        Collector(Path dir, int size, ProtocolWork work) {
            this.queue = dir.resolve("new");
            this.cur = dir.resolve("cur");
            this.size = size;
            this.work = work;
            this.file = ByteBuffer.allocateDirect(4 + size);
            this.payload = ByteBuffer.allocate(size);
        }

        void collect(long messages) throws IOException {
            SpinThenPark idle = new SpinThenPark();
            for (long done = 0; done < messages; ) {
                if (next == names.size()) {
                    names.clear();
                    next = 0;
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(queue)) {
                        for (Path entry : entries) {
                            names.add(entry.getFileName().toString());
                        }
                    }
                    if (names.isEmpty()) {
                        if (work != null) {
                            work.runEnded(); // about to wait: what was collected gets its reading now
                        }
                        idle.idle();
                        continue;
                    }
                    Collections.sort(names);
                    idle.reset();
                }
                String name = names.get(next++);
                Path collected = cur.resolve(name);
                Files.move(queue.resolve(name), collected, StandardCopyOption.ATOMIC_MOVE);
                file.clear();
                try (FileChannel channel = FileChannel.open(collected, StandardOpenOption.READ)) {
                    while (file.hasRemaining() && channel.read(file) >= 0) {
                        // read the whole file
                    }
                }
                Files.delete(collected);
                file.flip();
                if (file.remaining() != 4 + size || file.getInt(0) != size) {
                    throw new IOException("bad spool file: name=" + name + " bytes=" + file.remaining());
                }
                if (work != null) {
                    payload.put(0, file, 4, size);
                    work.check(payload);
                }
                done++;
            }
        }
    }

    private static void writer(Path dir, int size, int untimed, long count, ProtocolWork work) throws IOException {
        BaselineLines.hello("spool-writer");
        Path tmp = dir.resolve("tmp");
        Path queue = dir.resolve("new");
        ByteBuffer payload = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            payload.put(i, (byte) (i * 7));
        }
        ByteBuffer file = ByteBuffer.allocateDirect(4 + size);
        long[] firstT = TimedBatches.starts(untimed, count, batch -> {
            SpinThenPark idle = new SpinThenPark();
            while (!Files.exists(ready(dir, batch))) {
                idle.idle();
            }
        }, first -> write(tmp, queue, file, payload, work, 1 + first, count));
        BaselineLines.result("first_t", firstT);
    }

    private static void write(Path tmp, Path queue, ByteBuffer file, ByteBuffer payload, ProtocolWork work, long firstSeq,
                              long messages) throws IOException {
        for (long seq = firstSeq; seq < firstSeq + messages; seq++) {
            if (work != null) {
                work.generate(payload, seq);
            }
            String name = String.format("%016d", seq);
            Path temporary = tmp.resolve(name);
            file.clear();
            file.putInt(payload.capacity()).put(0 + 4, payload, 0, payload.capacity()).position(file.capacity()).flip();
            try (FileChannel channel = FileChannel.open(temporary, CREATE_NEW, OWNER_ONLY)) {
                while (file.hasRemaining()) {
                    channel.write(file);
                }
            }
            try {
                Files.move(temporary, queue.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                throw new IOException("spool file vanished before its rename: " + temporary, e);
            }
        }
    }
}
