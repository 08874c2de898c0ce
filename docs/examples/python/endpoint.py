#!/usr/bin/env python3
"""A minimal ipcspec endpoint in Python 3.11, standard library only.

It speaks the driver protocol (docs/protocol.md) on stdin/stdout and offers the three transports,
`shm` (x86-64 Linux only), `file` and `socket`, each implemented byte for byte as its section of
docs/wire-formats.md describes, so that it interoperates with the Java reference implementation
on the same channel. `--transports file,socket` offers only those.

Run the conformance suite against it:

    ./ipcspec run --profile docs/examples/python/profile.yaml

Sections, in order: constants; CRC-32C; output lines; request fields; owner-only files and
fcntl locks; the file transport (names, receiver, sender); the socket transport (frames,
receiver, sender); the shm transport (atomic words, layout, receiver, sender); generated
payloads; the ops; the request loop and stdin.
"""

import errno
import fcntl
import json
import mmap
import os
import queue
import secrets
import select
import socket
import stat
import struct
import sys
import threading
import time
from collections import deque

# ---- constants ------------------------------------------------------------------------------

IMPLEMENTATION = "ipcspec-python-example"
VERSION = "0.1.0"
TRANSPORTS = ["file", "socket"]   # and shm where ATOMICS exist (see the shm section)

MAX_LINE_BYTES = 1 << 20          # protocol: at most 1 MiB a line, its newline not counted
MAX_SEQ = (1 << 53) - 1           # seq stays below 2^53
MAX_U32 = 0xFFFFFFFF
MAX_I32 = 0x7FFFFFFF
MAX_CONTENT_TYPE_BYTES = 255
DEFAULTS = {"capacity": 64, "max_message_bytes": 65536,
            "content_type": "application/octet-stream", "sender_id": 1, "timeout_ms": 5000}

PAYLOAD_MAGIC = b"IPC1"
PAYLOAD_HEADER = struct.Struct(">4sQIq")   # magic, seq (u64), sender_id (u32), sent_t (i64)

CHANNEL_MAGIC = b"IPFC"                    # the metadata file `channel`
MESSAGE_MAGIC = b"IPFM"                    # a message file
FORMAT_VERSION = 1
CHANNEL_HEADER = struct.Struct(">4sIIIQI")  # magic, version, capacity, max bytes, incarnation, ct length
MESSAGE_HEADER = struct.Struct(">4sIII")    # magic, version, sender_id, payload_length (then crc)

PROBE_INTERVAL_NS = 20_000_000    # a blocked sender checks its receiver's liveness this often
ABANDON = threading.Event()       # set at stdin EOF: blocking calls give up without a reply


class Abandoned(BaseException):
    """Raised inside a wait loop once stdin has ended: the call ends without a reply. A
    BaseException, so that the `except Exception` that turns failures into status error lets it by."""


def now_ns():
    # CLOCK_MONOTONIC on Linux: the clock of System.nanoTime, shared by every process of a run.
    return time.monotonic_ns()


class Backoff:
    """Sleeps a little longer each idle round, up to 1 ms: cheap on a loaded 2-core machine, and
    short enough that a waiting call notices a change (or stdin EOF) quickly."""

    def __init__(self):
        self.delay = 0.00005

    def idle(self):
        if ABANDON.is_set():
            raise Abandoned()
        time.sleep(self.delay)
        self.delay = min(self.delay * 2, 0.001)

    def reset(self):
        self.delay = 0.00005


# ---- CRC-32C (Castagnoli), not in Python's zlib -----------------------------------------------

def _crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1   # reflected polynomial
        table.append(c)
    return table


CRC_TABLE = _crc_table()


def crc32c(data, crc=0):
    """CRC-32C of `data`, continuing from `crc` (the value of the bytes before), as in iSCSI/ext4."""
    table = CRC_TABLE
    c = crc ^ 0xFFFFFFFF
    for b in data:
        c = table[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


# ---- output: one JSON object a line, whole lines only --------------------------------------

_out_lock = threading.Lock()


def emit(obj):
    """Writes one protocol line with its newline in one write, then flushes. After stdin EOF
    nothing more is written (a call still running is abandoned without a reply)."""
    line = (json.dumps(obj, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")
    with _out_lock:
        if ABANDON.is_set() and obj.get("type") != "hello":
            return
        try:
            sys.stdout.buffer.write(line)
            sys.stdout.buffer.flush()
        except (BrokenPipeError, ValueError):
            ABANDON.set()   # nobody reads us any more


def event(name, channel, **fields):
    emit({"type": "event", "event": name, "channel": channel, **fields})


def reply(rid, ok=True, **fields):
    emit({"type": "reply", "id": rid, "ok": ok, **fields})


def log(*parts):
    print("ipcspec-python:", *parts, file=sys.stderr, flush=True)


# ---- request fields: typed access that answers `invalid`, naming the field ---------------

class RequestError(Exception):
    def __init__(self, error, message):
        super().__init__(message)
        self.error = error


def invalid(message):
    return RequestError("invalid", message)


def describe(value):
    if isinstance(value, str):
        return 'the string "%s"' % (value[:40] + "..." if len(value) > 40 else value)
    if isinstance(value, bool):
        return "a boolean (%s)" % str(value).lower()
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "the number %r" % value


def integral(value):
    """The value as an int if it is an integral JSON number (64.0 counts as 64), else None."""
    if isinstance(value, bool):          # bool is an int in Python, not in JSON
        return None
    if isinstance(value, int):
        return value if -(1 << 63) <= value < (1 << 63) else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2.0 ** 63:
        return int(value)
    return None


class Request:
    def __init__(self, fields):
        self.fields = fields
        self.id = None
        self.op = None

    def has(self, name):
        return self.fields.get(name) is not None   # null counts as absent

    def string(self, name, default=None):
        value = self.fields.get(name)
        if value is None:
            if default is None:
                raise invalid("missing field %s (a string)" % name)
            return default
        if not isinstance(value, str):
            raise invalid("field %s must be a string, not %s" % (name, describe(value)))
        return value

    def integer(self, name, lo, hi, default=None):
        value = self.fields.get(name)
        if value is None:
            if default is None:
                raise invalid("missing field %s (an integer)" % name)
            return default
        number = integral(value)
        if number is None:
            raise invalid("field %s must be an integer, not %s" % (name, describe(value)))
        if not lo <= number <= hi:
            raise invalid("field %s must be in [%d, %d], not %d" % (name, lo, hi, number))
        return number

    def timeout_ns(self):
        """timeout_ms in ns, or None (wait as long as it takes) when absent."""
        if not self.has("timeout_ms"):
            return None
        return self.integer("timeout_ms", 0, (1 << 63) - 1) * 1_000_000


def parse_request(line):
    """The request in a line, with its id set as soon as it is known; RequestError if refused."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as e:
        raise invalid("not JSON: at offset %d: not UTF-8" % e.start)
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        offset = len(text[:e.pos].encode("utf-8"))
        raise invalid("not JSON: at offset %d: %s" % (offset, e.msg))
    except ValueError as e:
        raise invalid("not JSON: %s" % e)
    if not isinstance(value, dict):
        raise invalid("a request must be a JSON object, not %s" % describe(value).replace("the ", "a ", 1))
    request = Request(value)
    if value.get("id") is None:
        raise invalid("missing field id (an integer)")
    request.id = integral(value["id"])
    if request.id is None:
        raise invalid("field id must be an integer, not %s" % describe(value["id"]))
    request.op = request.string("op")
    return request


def _no_constant(name):
    raise ValueError("%s is not a JSON value" % name)


# ---- owner-only files and fcntl locks ------------------------------------------------------
#
# Every path is opened with O_NOFOLLOW, so a planted symbolic link makes the open fail (P1).
# Receiver locks are POSIX record locks (fcntl F_SETLK via fcntl.lockf) on byte 0, the same kind
# Java's FileChannel.tryLock takes, so Python and Java endpoints see each other's locks. Two POSIX
# rules matter: a process never conflicts with its own locks, and closing ANY descriptor of a file
# drops all the process's locks on it. So the locks this process holds are remembered in
# HELD_HERE, and a probe never opens a file this process holds a lock on.

HELD_HERE = set()
_lock_mutex = threading.Lock()


def open_file(path, flags, mode=0o600):
    return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, mode)


def owner_only_dir(path):
    """Creates `path` 0700, or checks that what is there is a real directory and makes it 0700."""
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        if os.path.islink(path) or not os.path.isdir(path):
            raise OSError("refusing a non-directory (a symbolic link?) where a directory belongs: %s" % path)
        os.chmod(path, 0o700)


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_all(fd, limit):
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, limit - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def fsync_dir(path):
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ExclusiveLock:
    """An exclusive fcntl lock on byte 0 of a file, held until release() or process death."""

    def __init__(self, path, fd):
        self.path = path
        self.fd = fd

    @staticmethod
    def try_acquire(path, retry_s=0.2):
        """The lock, or None when another process holds it. Retries briefly, because a sender's
        probe holds the shared lock for a few microseconds."""
        deadline = time.monotonic() + retry_s
        while True:
            with _lock_mutex:
                if path in HELD_HERE:
                    return None
                fd = open_file(path, os.O_RDWR | os.O_CREAT)
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0, os.SEEK_SET)
                    HELD_HERE.add(path)
                    return ExclusiveLock(path, fd)
                except OSError as e:
                    os.close(fd)
                    if e.errno not in (errno.EACCES, errno.EAGAIN):
                        raise
            if time.monotonic() > deadline:
                return None
            time.sleep(0.002)

    def release(self):
        with _lock_mutex:
            if self.fd is not None:
                os.close(self.fd)           # closing drops the lock
                self.fd = None
                HELD_HERE.discard(self.path)


def lock_is_held(path):
    """True while some process (this one included) holds the exclusive lock on byte 0 of `path`.
    Probes with a shared lock: it can be taken only when nobody holds the exclusive one."""
    with _lock_mutex:
        if path in HELD_HERE:
            return True
        try:
            fd = open_file(path, os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, 0, os.SEEK_SET)
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EAGAIN):
                return True
            raise
        finally:
            os.close(fd)                    # also releases the probe's shared lock
        return False


# ---- the file transport: names ----------------------------------------------------------

def message_name(micros, sender_key, counter):
    # TTTTTTTTTTTTTTTTTTT.IIIIIIIIII-NNNNNNNNNNNNNNNN.CCCCCCCCCCCCCCCCCCC: fixed widths, so that
    # byte-wise order of names is collection order.
    return "%019d.%s.%019d" % (micros, sender_key, counter)


def key_of(name):
    """The sender key of a name (bytes): between the first and the last dot."""
    first, last = name.find(b"."), name.rfind(b".")
    return name[first + 1:last] if 0 <= first < last else name


def collectable(queue_dir):
    """The names of new/ the receiver may take now, sorted. A listing that runs while files are
    renamed in is not a snapshot (ext4 can show a sender's later file and miss its earlier one),
    so list twice and take from the second, per sender, the files up to the last one the first
    showed: every earlier file of that sender was complete before the second listing began."""
    first = os.listdir(queue_dir)
    if not first:
        return []
    last_seen = {}
    for name in first:
        key = key_of(name)
        if name > last_seen.get(key, b""):
            last_seen[key] = name
    names = set(first)
    for name in os.listdir(queue_dir):
        last = last_seen.get(key_of(name))
        if last is not None and name <= last:
            names.add(name)
    return sorted(names)


def encode_message(sender_id, payload):
    head = MESSAGE_HEADER.pack(MESSAGE_MAGIC, FORMAT_VERSION, sender_id, len(payload))
    crc = crc32c(payload, crc32c(head))
    return head + struct.pack(">I", crc) + payload


def decode_message(data, max_bytes):
    """The payload of an intact message file, or None."""
    if len(data) < 20:
        return None
    magic, version, _sender, length = MESSAGE_HEADER.unpack_from(data)
    (crc,) = struct.unpack_from(">I", data, 16)
    if magic != MESSAGE_MAGIC or version != FORMAT_VERSION or length > max_bytes or len(data) != 20 + length:
        return None
    payload = data[20:]
    return payload if crc32c(payload, crc32c(data[:16])) == crc else None


def read_metadata(address):
    """(capacity, max_message_bytes, incarnation, content_type) from `channel`, or None if absent."""
    try:
        fd = open_file(os.path.join(address, "channel"), os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        data = read_all(fd, CHANNEL_HEADER.size + MAX_CONTENT_TYPE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) < CHANNEL_HEADER.size:
        raise OSError("channel metadata too short: length=%d" % len(data))
    magic, version, capacity, max_bytes, incarnation, ct_length = CHANNEL_HEADER.unpack_from(data)
    if magic != CHANNEL_MAGIC:
        raise OSError("not an ipcspec file channel: magic=%r" % magic)
    if version != FORMAT_VERSION:
        raise OSError("version not compatible: app=%d file=%d" % (FORMAT_VERSION, version))
    if ct_length > MAX_CONTENT_TYPE_BYTES or len(data) != CHANNEL_HEADER.size + ct_length:
        raise OSError("channel metadata length does not match: length=%d content_type_length=%d"
                      % (len(data), ct_length))
    if capacity < 1 or max_bytes < 1 or max_bytes > MAX_I32 or capacity > MAX_I32:
        raise OSError("channel metadata out of range: capacity=%d max_message_bytes=%d" % (capacity, max_bytes))
    return capacity, max_bytes, incarnation, data[CHANNEL_HEADER.size:].decode("utf-8", "replace")


# ---- the file transport: the receiver ---------------------------------------------------

class FileReceiver:
    role = "receiver"

    def __init__(self, address, mode, capacity, max_bytes, content_type):
        self.address, self.mode, self.capacity = address, mode, capacity
        self.max_bytes, self.content_type = max_bytes, content_type
        self.queue_dir = os.path.join(address, "new").encode()
        self.cur_dir = os.path.join(address, "cur").encode()
        self.bad_dir = os.path.join(address, "bad").encode()
        self.listing = deque()
        self.ownership = self.live = None

    @staticmethod
    def open(address, mode, capacity, max_bytes, content_type):
        """(status, receiver or message), following file.md "Opening a receiver, in order"."""
        r = FileReceiver(address, mode, capacity, max_bytes, content_type)
        try:
            if os.path.islink(address):
                raise OSError("refusing a symbolic link at a channel path: %s" % address)
            owner_only_dir(address)
            r.ownership = ExclusiveLock.try_acquire(os.path.join(address, "lock"))
            if r.ownership is None:
                return "busy", "a live receiver owns the channel: address=%s" % address
            for sub in ("tmp", "new", "cur", "bad"):
                owner_only_dir(os.path.join(address, sub))
            incarnation = 0
            while incarnation == 0:
                incarnation = secrets.randbits(64)
            live_name = "live.%016x" % incarnation
            r.live = ExclusiveLock.try_acquire(os.path.join(address, live_name), retry_s=0)
            if r.live is None:
                raise OSError("could not lock a fresh liveness file: %s" % live_name)
            r._take_over(live_name)
            r._publish(incarnation)
            return "ok", r
        except OSError as e:
            r.close()
            return "io", "cannot open file channel: address=%s cause=%s" % (address, e)

    def _take_over(self, live_name):
        # We hold `lock`, so every earlier receiver is dead or closed. Unfinished writes in tmp/ are
        # deleted; a file in cur/ was being collected but never returned: back to new/, delivered
        # again (first, as it sorts before the rest of its sender's files).
        tmp = os.path.join(self.address, "tmp")
        for name in os.listdir(tmp):
            _unlink_quietly(os.path.join(tmp, name))
        for name in os.listdir(self.cur_dir):
            os.rename(os.path.join(self.cur_dir, name), os.path.join(self.queue_dir, name))
        for name in os.listdir(self.address):
            if name.startswith("live.") and name != live_name:
                _unlink_quietly(os.path.join(self.address, name))

    def _publish(self, incarnation):
        # Written aside, fsynced, renamed over `channel`: from this instant senders can attach.
        ct = self.content_type.encode("utf-8")
        data = CHANNEL_HEADER.pack(CHANNEL_MAGIC, FORMAT_VERSION, self.capacity, self.max_bytes,
                                   incarnation, len(ct)) + ct
        tmp = os.path.join(self.address, "tmp", "channel.%016x" % incarnation)
        fd = open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(tmp, os.path.join(self.address, "channel"))
        fsync_dir(self.address)

    def receive(self, timeout_ns):
        """("message", payload) | ("empty"|"timeout"|"closed", None)."""
        if self.ownership is None:
            return "closed", None
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        backoff = Backoff()
        while True:
            payload = self._collect_next()
            if payload is not None:
                return "message", payload
            if self.mode == "async":
                return "empty", None
            if deadline is not None and now_ns() >= deadline:
                return "timeout", None
            backoff.idle()

    def _collect_next(self):
        while True:
            if not self.listing:
                self.listing.extend(collectable(self.queue_dir))
                if not self.listing:
                    return None
            name = self.listing.popleft()
            cur = os.path.join(self.cur_dir, name)
            try:
                # The commit point of collection: the sender's sync send sees new/NAME gone.
                os.rename(os.path.join(self.queue_dir, name), cur)
            except FileNotFoundError:
                continue
            payload = self._read_intact(cur)
            if payload is not None:
                os.unlink(cur)
                return payload
            os.replace(cur, os.path.join(self.bad_dir, name))   # kept for diagnosis, never delivered

    def _read_intact(self, path):
        try:
            fd = open_file(path, os.O_RDONLY)
        except OSError as e:
            if e.errno in (errno.ELOOP, errno.EISDIR):
                return None
            raise
        try:
            size = os.fstat(fd).st_size
            if size > 20 + self.max_bytes:
                return None
            return decode_message(read_all(fd, size + 1), self.max_bytes)
        finally:
            os.close(fd)

    def close(self):
        # Liveness first (senders' next probe sees closed), then ownership. Messages stay in new/.
        if self.live is not None:
            self.live.release()
            _unlink_quietly(self.live.path)
            self.live = None
        if self.ownership is not None:
            self.ownership.release()
            self.ownership = None


def _unlink_quietly(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


# ---- the file transport: the sender -------------------------------------------------------

class FileSender:
    role = "sender"

    def __init__(self, address, mode, capacity, limit, sender_id, incarnation):
        self.address, self.mode, self.capacity, self.limit = address, mode, capacity, limit
        self.sender_id = sender_id
        self.live_path = os.path.join(address, "live.%016x" % incarnation)
        self.tmp_dir = os.path.join(address, "tmp")
        self.queue_dir = os.path.join(address, "new")
        self.key = "%010d-%016x" % (sender_id, secrets.randbits(64))   # one per sender open
        self.uncollected = deque()   # names of our last files not known to be collected, oldest first
        self.counter = 0
        self.last_micros = 0
        self.closed = False

    @staticmethod
    def open(address, mode, max_bytes, content_type, sender_id, timeout_ns):
        """(status, sender or message), following file.md "Attaching a sender"."""
        deadline = now_ns() + timeout_ns
        backoff = Backoff()
        try:
            while True:
                if os.path.islink(address):
                    raise OSError("refusing a symbolic link at a channel path: %s" % address)
                meta = read_metadata(address)
                if meta is not None:
                    capacity, channel_max, incarnation, channel_type = meta
                    # A stale `channel` names a liveness lock nobody holds: keep waiting.
                    if lock_is_held(os.path.join(address, "live.%016x" % incarnation)):
                        if channel_type != content_type:
                            return "format_mismatch", "content type differs: sender=%s channel=%s" % (
                                content_type, channel_type)
                        return "ok", FileSender(address, mode, capacity, min(max_bytes, channel_max),
                                                sender_id, incarnation)
                if now_ns() >= deadline:
                    return "not_found", "no live receiver within %d ms: address=%s" % (
                        timeout_ns // 1_000_000, address)
                backoff.idle()
        except OSError as e:
            return "io", "cannot attach to file channel: address=%s cause=%s" % (address, e)

    def send(self, payload, timeout_ns):
        """A send status, following file.md "Sending, in order"."""
        if self.closed:
            return "closed"
        if len(payload) > self.limit:
            return "too_large"
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        if not self._receiver_alive():
            return "closed"
        if not self._has_room():
            if self.mode == "async":
                return "full"
            status = self._await(self._has_room, deadline)
            if status != "ok":
                return status
        name = self._write(payload, durable=self.mode == "sync")
        if name is None:
            if self._receiver_alive():
                raise OSError("message file vanished before its rename")
            return "closed"
        self.uncollected.append(name)
        if self.mode == "async":
            return "ok"
        queued = os.path.join(self.queue_dir, name)
        status = self._await(lambda: not os.path.lexists(queued), deadline)
        if status == "ok":
            self.uncollected.clear()   # FIFO: everything we sent before is collected too
        return status

    def _has_room(self):
        # Our uncollected files are the most recent ones we sent (the receiver takes each sender's
        # files in order), so only the oldest of the last `capacity` needs checking.
        if len(self.uncollected) < self.capacity:
            return True
        if os.path.lexists(os.path.join(self.queue_dir, self.uncollected[0])):
            return False
        self.uncollected.popleft()
        return True

    def _write(self, payload, durable):
        """Writes tmp/NAME and renames it into new/ (publishing it, complete); the name, or None
        when tmp/ lost it (a new receiver cleaned up)."""
        self.last_micros = max(self.last_micros, time.time_ns() // 1000)   # never decreasing
        name = message_name(self.last_micros, self.key, self.counter + 1)
        tmp = os.path.join(self.tmp_dir, name)
        try:
            fd = open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileNotFoundError:
            return None
        try:
            write_all(fd, encode_message(self.sender_id, payload))
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.rename(tmp, os.path.join(self.queue_dir, name))
        except FileNotFoundError:
            return None
        self.counter += 1
        if durable:
            fsync_dir(self.queue_dir)
        return name

    def _await(self, condition, deadline):
        """ok once `condition` holds; timeout at the deadline; closed when the receiver is gone."""
        backoff = Backoff()
        next_probe = now_ns() + PROBE_INTERVAL_NS
        while True:
            if condition():
                return "ok"
            now = now_ns()
            if deadline is not None and now >= deadline:
                return "timeout"
            if now >= next_probe:
                if not self._receiver_alive():
                    return "closed"
                next_probe = now_ns() + PROBE_INTERVAL_NS
            backoff.idle()

    def _receiver_alive(self):
        # Once the incarnation we attached to is gone, closed sticks: open again, even if a new
        # receiver took the address.
        if not self.closed and not lock_is_held(self.live_path):
            self.closed = True
        return not self.closed

    def close(self):
        self.closed = True


# ---- the socket transport: frames ------------------------------------------------------------
#
# docs/wire-formats.md, "socket wire format, version 1": a Unix stream socket carrying frames of an
# 8-byte header (u32 body_length, u8 type, u8 flags, u16 reserved; big-endian) and a body.

SOCKET_MAGIC = 0x49504353                  # "IPCS"
SOCKET_VERSION = 1
FRAME_HEADER = struct.Struct(">IBBH")      # body_length, type, flags, reserved
HELLO_HEAD = struct.Struct(">IHHIIH")      # magic, version, reserved, sender_id, max_message_bytes, ct length
WELCOME_BODY = struct.Struct(">IHHII")     # magic, version, reserved, capacity, max_message_bytes
REFUSE_HEAD = struct.Struct(">IHHH")       # magic, version, reason, ct length
ACK_BODY = struct.Struct(">Q")             # collected
T_HELLO, T_WELCOME, T_REFUSE, T_MESSAGE, T_ACK = 1, 2, 3, 4, 5
FLAG_SYNC = 0x01
REFUSE_FORMAT_MISMATCH, REFUSE_VERSION_MISMATCH, REFUSE_MALFORMED = 1, 2, 3
MAX_HANDSHAKE_BODY = 1024
MAX_SOCKET_ADDRESS_BYTES = 100             # sun_path is 108 with its zero, and <address>.new is 4 longer
HELLO_TIMEOUT_S = 2.0                      # a peer that says nothing for this long is dropped
MIN_HANDSHAKE_WAIT_S = 1.0                 # a sender waits at least this long for WELCOME or REFUSE
READ_CHUNK = 256 * 1024
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


def frame(kind, body, flags=0):
    return FRAME_HEADER.pack(len(body), kind, flags, 0) + body


def send_buffer_bytes(capacity, frame_bytes):
    """The SO_SNDBUF the reference asks for: a full window of frames, within 208 KiB .. 4 MiB."""
    return max(212_992, min(4 << 20, capacity * (frame_bytes + 1024)))


def check_socket_address(address):
    if len(address.encode("utf-8")) > MAX_SOCKET_ADDRESS_BYTES:
        return "socket address longer than %d bytes: address=%s" % (MAX_SOCKET_ADDRESS_BYTES, address)
    return None


class FrameReader:
    """Bytes read from one stream and not yet consumed, cut into frames."""

    def __init__(self):
        self.data = bytearray()
        self.pos = 0
        self.eof = False

    def fill(self, sock):
        """One non-blocking read; True if bytes came or the stream ended. A reset counts as the end."""
        try:
            chunk = sock.recv(READ_CHUNK)
        except BlockingIOError:
            return False
        except GONE:
            chunk = b""
        if not chunk:
            self.eof = True
            return True
        if self.pos > 0 and self.pos * 2 >= len(self.data):
            del self.data[:self.pos]   # compact now and then, not at every frame
            self.pos = 0
        self.data += chunk
        return True

    def peek(self, max_body):
        """(type, flags, body_length) of the complete frame at the front, None if more bytes are
        needed; ValueError if its body_length is over max_body (the peer broke the format)."""
        if len(self.data) - self.pos < 8:
            return None
        length, kind, flags, _ = FRAME_HEADER.unpack_from(self.data, self.pos)
        if length > max_body:
            raise ValueError("frame too long: body_length=%d max=%d type=%d" % (length, max_body, kind))
        if len(self.data) - self.pos - 8 < length:
            return None
        return kind, flags, length

    def take(self, length):
        """The body of the front frame (whose body is `length` bytes), consumed."""
        start = self.pos + 8
        self.pos = start + length
        return bytes(self.data[start:self.pos])


def wait_io(sock, write, deadline_ns):
    """Waits until `sock` is readable (or also writable when `write`), at most until the deadline
    (None: no limit) and 100 ms at a time, so that stdin EOF is noticed. False once it is past."""
    while True:
        if ABANDON.is_set():
            raise Abandoned()
        wait_s = 0.1
        if deadline_ns is not None:
            left = deadline_ns - now_ns()
            if left <= 0:
                return False
            wait_s = min(wait_s, (left + 999_999) // 1_000_000 / 1000)   # rounded up to the ms
        readable, writable, _ = select.select([sock], [sock] if write else [], [], wait_s)
        if readable or writable:
            return True


# ---- the socket transport: the receiver ---------------------------------------------------

class SocketConnection:
    """One sender's connection, as the receiving thread sees it."""

    def __init__(self, sock):
        self.sock = sock
        self.reader = FrameReader()
        self.collected = 0        # MESSAGE frames of this connection collected so far
        self.acked = 0            # the count last put in an ACK
        self.ack_out = b""        # the part of the last ACK the socket has not taken yet
        self.write_broken = False

    def flush_ack(self):
        """Writes an ACK with the current count (finishing a partly written one first). A socket
        that cannot take it keeps it pending; acks are cumulative, so only the newest one matters."""
        while not self.write_broken:
            if self.ack_out:
                try:
                    self.ack_out = self.ack_out[self.sock.send(self.ack_out):]
                except BlockingIOError:
                    return
                except (OSError, *GONE):
                    self.write_broken = True   # the sender left; its complete frames still count
                    return
                if self.ack_out:
                    return
            if self.acked == self.collected:
                return
            self.ack_out = frame(T_ACK, ACK_BODY.pack(self.collected))
            self.acked = self.collected

    def ack_pending(self):
        return not self.write_broken and (bool(self.ack_out) or self.acked != self.collected)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class SocketReceiver:
    """A listening socket whose connections an accepting thread takes and handshakes, also while
    no receive call runs; the receiving thread reads them and acknowledges what it collects."""
    role = "receiver"

    def __init__(self, address, mode, capacity, max_bytes, content_type):
        self.address, self.mode, self.capacity = address, mode, capacity
        self.max_bytes, self.content_type = max_bytes, content_type
        self.lock = self.server = None
        self.connections = []
        self.turn = 0                           # where the search for the next frame starts
        self.established = queue.SimpleQueue()  # handshaken sockets, from the accepting thread
        self.wake_r, self.wake_w = os.pipe()    # the accepting thread wakes a waiting receive
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self.wake_w, False)
        self.stop_r, self.stop_w = os.pipe()    # close() wakes the accepting thread
        self.acceptor = None
        self.closed = False

    @staticmethod
    def open(address, mode, capacity, max_bytes, content_type):
        """(status, receiver or message), following "Receiver open, in order"."""
        too_long = check_socket_address(address)
        if too_long:
            return "io", too_long
        r = SocketReceiver(address, mode, capacity, max_bytes, content_type)
        try:
            if os.path.islink(address):
                raise OSError("refusing a symbolic link at a channel path: %s" % address)
            r.lock = ExclusiveLock.try_acquire(address + ".lock")
            if r.lock is None:
                r.close()
                return "busy", "a live receiver owns the channel: address=%s" % address
            try:
                st = os.lstat(address)
            except FileNotFoundError:
                st = None
            if st is not None:
                if stat.S_ISLNK(st.st_mode):
                    raise OSError("refusing a symbolic link at a channel path: %s" % address)
                if not stat.S_ISSOCK(st.st_mode):
                    raise OSError("refusing to replace what is not a socket: %s" % address)
                os.unlink(address)              # a dead receiver's socket
            staging = address + ".new"
            _unlink_quietly(staging)
            r.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            r.server.bind(staging)
            os.chmod(staging, 0o600)
            os.rename(staging, address)         # appears owner-only; replaces a link, not its target
            r.server.listen(64)
            r.server.setblocking(False)
            r.acceptor = threading.Thread(target=r._accept_loop, daemon=True, name="socket-acceptor")
            r.acceptor.start()
            return "ok", r
        except OSError as e:
            r.close()
            return "io", "cannot open socket receiver: address=%s cause=%s" % (address, e)

    # -- the accepting thread

    def _accept_loop(self):
        while True:
            try:
                readable, _, _ = select.select([self.server, self.stop_r], [], [])
            except (OSError, ValueError):
                return
            if self.stop_r in readable or self.closed:
                return
            try:
                conn, _ = self.server.accept()
            except BlockingIOError:
                continue
            except OSError:
                if self.closed:
                    return
                time.sleep(0.001)               # e.g. no descriptors left: pause, serve on
                continue
            try:
                self._handshake(conn)
            except Exception as e:   # one bad peer must not stop the accepting thread
                log("socket handshake failed:", repr(e))
                conn.close()

    def _handshake(self, conn):
        conn.setblocking(False)
        reader = FrameReader()
        deadline = now_ns() + int(HELLO_TIMEOUT_S * 1e9)
        head = None
        while True:
            try:
                head = reader.peek(MAX_HANDSHAKE_BODY)
            except ValueError:
                return self._refuse(conn, REFUSE_MALFORMED)
            if head is not None:
                break
            if reader.eof or self.closed:
                return conn.close()
            left = deadline - now_ns()
            if left <= 0:
                return conn.close()             # said nothing for 2 s: dropped
            select.select([conn, self.stop_r], [], [], left / 1e9)
            reader.fill(conn)
        kind, _, length = head
        body = reader.take(length)
        if kind != T_HELLO or length < HELLO_HEAD.size:
            return self._refuse(conn, REFUSE_MALFORMED)
        magic, version, _, _sender_id, _max, ct_length = HELLO_HEAD.unpack_from(body)
        if magic != SOCKET_MAGIC:
            return conn.close()                 # not this protocol at all: say nothing
        if version != SOCKET_VERSION:
            return self._refuse(conn, REFUSE_VERSION_MISMATCH)
        if length < HELLO_HEAD.size + ct_length:
            return self._refuse(conn, REFUSE_MALFORMED)
        if body[HELLO_HEAD.size:HELLO_HEAD.size + ct_length] != self.content_type.encode("utf-8"):
            return self._refuse(conn, REFUSE_FORMAT_MISMATCH)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, send_buffer_bytes(self.capacity, 16))
        # Available to receive calls BEFORE the WELCOME: a send that returned before a receive
        # began is then visible to that receive.
        self.established.put(conn)
        try:
            os.write(self.wake_w, b"x")
        except (BlockingIOError, OSError):
            pass                                # a byte is already waiting, or we are closing
        try:
            conn.setblocking(True)
            conn.settimeout(HELLO_TIMEOUT_S)
            conn.sendall(frame(T_WELCOME, WELCOME_BODY.pack(SOCKET_MAGIC, SOCKET_VERSION, 0, self.capacity,
                                                            self.max_bytes)))
        except OSError:
            pass                                # queued already: the receiving side sees it end
        finally:
            try:
                conn.setblocking(False)
            except OSError:
                pass

    def _refuse(self, conn, reason):
        ct = self.content_type.encode("utf-8")
        try:
            conn.setblocking(True)
            conn.settimeout(HELLO_TIMEOUT_S)
            conn.sendall(frame(T_REFUSE, REFUSE_HEAD.pack(SOCKET_MAGIC, SOCKET_VERSION, reason, len(ct)) + ct))
        except OSError:
            pass                                # the sender left already
        conn.close()

    # -- the receiving thread

    def receive(self, timeout_ns):
        """("message", payload) | ("empty"|"timeout"|"closed", None)."""
        if self.closed:
            return "closed", None
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        while True:
            self._adopt()
            payload = self._next_message()
            if payload is not None:
                return "message", payload
            if self._read_all():
                continue
            if self.mode == "async":
                return "empty", None
            if not self._wait(deadline):
                return "timeout", None

    def _adopt(self):
        while True:
            try:
                self.connections.append(SocketConnection(self.established.get_nowait()))
            except queue.Empty:
                return

    def _next_message(self):
        """The payload of the next complete MESSAGE frame, senders in turn, each in order. A
        connection that ended is dropped once its complete frames are delivered (a partial frame
        is discarded: no torn message), and so is one that breaks the format (nothing after it)."""
        i = 0
        while i < len(self.connections):
            index = (self.turn + i) % len(self.connections)
            c = self.connections[index]
            try:
                head = c.reader.peek(self.max_bytes)
                if head is not None and head[0] != T_MESSAGE:
                    raise ValueError("unexpected frame type %d" % head[0])
            except ValueError as e:
                log("dropping a socket connection that broke the format:", e)
                head, c.reader.eof = None, True
            if head is not None:
                payload = c.reader.take(head[2])
                self.turn = index + 1
                c.collected += 1
                c.flush_ack()                   # before the receive returns: the causality rule
                return payload
            if c.reader.eof:
                c.close()
                del self.connections[index]
                i = 0                           # indices moved; the list is short, start over
                continue
            i += 1
        return None

    def _read_all(self):
        """One non-blocking read of every connection (pending ACKs retried on the way); True if
        anything came."""
        progress = False
        for c in self.connections:
            if c.ack_pending():
                c.flush_ack()
            if c.reader.eof or c.reader.fill(c.sock):
                progress = True
        return progress

    def _wait(self, deadline):
        """Waits until a connection is readable, a new one is established, or the deadline (False)."""
        while True:
            if ABANDON.is_set():
                raise Abandoned()
            wait_s = 0.1
            if deadline is not None:
                left = deadline - now_ns()
                if left <= 0:
                    return False
                wait_s = min(wait_s, (left + 999_999) // 1_000_000 / 1000)
            socks = [c.sock for c in self.connections]
            pending = [c.sock for c in self.connections if c.ack_pending()]
            readable, writable, _ = select.select(socks + [self.wake_r], pending, [], wait_s)
            if self.wake_r in readable:
                try:
                    os.read(self.wake_r, 4096)
                except BlockingIOError:
                    pass
            if readable or writable:
                return True
            if not self.established.empty():
                return True

    def close(self):
        """Stops accepting, drops every connection (their senders see the end of the stream),
        unlinks the socket and only then releases the lock, so no second receiver binds while
        this one still has the address."""
        if self.closed:
            return
        self.closed = True
        os.write(self.stop_w, b"x")
        if self.acceptor is not None:
            self.acceptor.join(3)
        if self.server is not None:
            self.server.close()
        self._adopt()
        for c in self.connections:
            c.close()
        self.connections.clear()
        if self.server is not None:
            _unlink_quietly(self.address)
        if self.lock is not None:
            self.lock.release()
        for fd in (self.wake_r, self.wake_w, self.stop_r, self.stop_w):
            os.close(fd)


# ---- the socket transport: the sender -----------------------------------------------------

class SocketSender:
    role = "sender"

    def __init__(self, sock, reader, mode, capacity, limit, sender_id):
        self.sock, self.reader = sock, reader
        self.mode, self.capacity, self.limit, self.sender_id = mode, capacity, limit, sender_id
        self.sent = 0            # MESSAGE frames begun (a frame counts once its first byte is in the socket)
        self.acked = 0           # the largest collected count read
        self.out = b""           # the rest of a frame the socket took only in part
        self.closed = False      # the receiver closed or died, or we closed: sticks

    @staticmethod
    def open(address, mode, max_bytes, content_type, sender_id, timeout_ns):
        """(status, sender or message), following "Sender open" and "Handshake"."""
        too_long = check_socket_address(address)
        if too_long:
            return "io", too_long
        deadline = now_ns() + timeout_ns
        backoff = Backoff()
        last = "no socket"
        while True:
            if os.path.islink(address):
                return "io", "refusing a symbolic link at a channel path: %s" % address
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.setblocking(False)         # a full backlog fails at once instead of blocking
                sock.connect(address)
            except OSError as e:                # ENOENT: no socket yet; ECONNREFUSED: a dead receiver's
                sock.close()
                sock, last = None, repr(e)
            if sock is not None:
                try:
                    result = SocketSender._handshake(sock, mode, max_bytes, content_type, sender_id, deadline)
                except OSError as e:
                    result, last = None, repr(e)
                if result is not None:
                    if result[0] != "ok":
                        sock.close()
                    return result
                sock.close()
                last = "receiver closed the connection during the handshake"
            if now_ns() >= deadline:
                return "not_found", "no live receiver within %d ms: address=%s last=%s" % (
                    timeout_ns // 1_000_000, address, last)
            backoff.idle()

    @staticmethod
    def _handshake(sock, mode, max_bytes, content_type, sender_id, open_deadline):
        """(status, sender or message), or None when the connection ended first (retry)."""
        ct = content_type.encode("utf-8")
        hello = frame(T_HELLO, HELLO_HEAD.pack(SOCKET_MAGIC, SOCKET_VERSION, 0, sender_id, max_bytes, len(ct)) + ct)
        deadline = max(open_deadline, now_ns() + int(MIN_HANDSHAKE_WAIT_S * 1e9))
        view = memoryview(hello)
        while view:
            try:
                view = view[sock.send(view):]
            except BlockingIOError:
                if not wait_io(sock, True, deadline):
                    return "not_found", "receiver did not take HELLO"
            except GONE:
                return None
        reader = FrameReader()
        while True:
            try:
                head = reader.peek(MAX_HANDSHAKE_BODY)
            except ValueError as e:
                return "io", "bad handshake answer from the receiver: %s" % e
            if head is not None:
                break
            if reader.eof:
                return None
            if not wait_io(sock, False, deadline):
                return "not_found", "receiver did not answer HELLO"
            reader.fill(sock)
        kind, _, length = head
        body = reader.take(length)
        if length >= 6:
            magic, version = struct.unpack_from(">IH", body)
            if magic != SOCKET_MAGIC:
                return "io", "not an ipcspec socket peer: magic=0x%08x" % magic
            if version != SOCKET_VERSION:
                return "io", "version not compatible: app=%d receiver=%d" % (SOCKET_VERSION, version)
        if kind == T_REFUSE and length >= REFUSE_HEAD.size:
            _, _, reason, ct_length = REFUSE_HEAD.unpack_from(body)
            channel_type = body[REFUSE_HEAD.size:REFUSE_HEAD.size + ct_length].decode("utf-8", "replace")
            if reason == REFUSE_FORMAT_MISMATCH:
                return "format_mismatch", "content type differs: sender=%s channel=%s" % (content_type, channel_type)
            return "io", "receiver refused the handshake: reason=%d" % reason
        if kind != T_WELCOME or length != WELCOME_BODY.size:
            return "io", "unexpected handshake answer: type=%d body_length=%d" % (kind, length)
        _, _, _, capacity, channel_max = WELCOME_BODY.unpack(body)
        if not (1 <= capacity <= MAX_I32 and 1 <= channel_max <= MAX_I32):
            return "io", "bad WELCOME: capacity=%d max_message_bytes=%d" % (capacity, channel_max)
        limit = min(max_bytes, channel_max)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, send_buffer_bytes(capacity, 8 + limit))
        sender = SocketSender(sock, reader, mode, capacity, limit, sender_id)
        sender._parse_acks()                    # an ACK cannot come yet, but nothing read is lost
        return "ok", sender

    def send(self, payload, timeout_ns):
        if self.closed:
            return "closed"
        if len(payload) > self.limit:
            return "too_large"
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        try:
            if self.mode == "async":
                return self._send_async(payload)
            return self._send_sync(payload, deadline)
        except GONE:
            self.closed = True                  # a reset or a broken pipe: the receiver closed or died
            return "closed"
        except EOFError:
            self.closed = True
            return "closed"

    def _send_async(self, payload):
        if self.out and not self._write_out():
            return "full"                       # the socket still holds back part of the last frame
        if self.sent - self.acked >= self.capacity:
            self._read_acks()
            if self.sent - self.acked >= self.capacity:
                return "full"
        data = frame(T_MESSAGE, payload)
        try:
            taken = self.sock.send(data)
        except BlockingIOError:
            return "full"                       # not a byte taken: the message was never in the channel
        self.sent += 1
        self.out = data[taken:]
        return "ok"

    def _send_sync(self, payload, deadline):
        while self.out and not self._write_out():
            if not self._wait(True, deadline):
                return "timeout"
        while self.sent - self.acked >= self.capacity:
            if not self._wait(False, deadline):
                return "timeout"
        data = frame(T_MESSAGE, payload, FLAG_SYNC)
        while True:
            try:
                taken = self.sock.send(data)
                break
            except BlockingIOError:
                if not self._wait(True, deadline):
                    return "timeout"            # never written, so not in the channel
        self.sent += 1
        mine = self.sent
        self.out = data[taken:]
        while self.out and not self._write_out():
            if not self._wait(True, deadline):
                return "timeout"                # the rest goes out before the next frame
        while self.acked < mine:
            if not self._wait(False, deadline):
                return "timeout"                # it stays in the channel; a later ACK counts it
        return "ok"

    def _write_out(self):
        """Writes what is left of the last frame; True once all of it is in the socket."""
        try:
            self.out = self.out[self.sock.send(self.out):]
        except BlockingIOError:
            pass
        return not self.out

    def _wait(self, write, deadline):
        """Waits for ACKs (or room to write), then reads the ACKs that came; False at the deadline."""
        if not wait_io(self.sock, write, deadline):
            return False
        self._read_acks()
        return True

    def _read_acks(self):
        """Reads every ACK already readable, without waiting; EOFError at the end of the stream."""
        while self.reader.fill(self.sock):
            self._parse_acks()
            if self.reader.eof:
                raise EOFError("receiver ended the connection")
        self._parse_acks()

    def _parse_acks(self):
        while True:
            try:
                head = self.reader.peek(ACK_BODY.size)
            except ValueError as e:
                raise OSError("bad frame from the receiver: %s" % e)
            if head is None:
                return
            kind, _, length = head
            if kind != T_ACK or length != ACK_BODY.size:
                raise OSError("unexpected frame from the receiver: type=%d body_length=%d" % (kind, length))
            (collected,) = ACK_BODY.unpack(self.reader.take(length))
            self.acked = max(self.acked, collected)

    def close(self):
        if self.out and not self.closed:
            try:
                self._write_out()               # one last try; a frame not fully taken is discarded
            except OSError:
                pass
        self.closed = True
        self.sock.close()


# ---- the shm transport: atomic words ------------------------------------------------------
#
# docs/wire-formats.md, "shm wire format, version 1", needs compare-and-swap on words of a file
# that Java processes map too, and CPython has no atomic operations: the GIL orders nothing
# between processes, and a store through mmap or struct is a memcpy whose width the C compiler
# chooses. So the words every process races on (state, tail, head, writer lock, slot pid, sent,
# collected) are read and written only by five small x86-64 functions, placed in an executable page and
# called through ctypes: load, store and CAS of 64-bit words, load and store of 32-bit
# ones. Where they run (x86-64, so TSO) they give what the format asks: an
# aligned `mov` load is single-copy atomic and has acquire semantics; `xchg` with memory is a
# sequentially consistent store (stronger than release); `lock cmpxchg` is a sequentially
# consistent CAS. Everything else (header fields before the magic, records, payloads) is written
# with plain mmap stores, which TSO keeps in program order before the `xchg` that publishes them.
# The README's "shm: memory ordering" says why that holds and where it does not.

class Atomics:
    """Atomic access to aligned words at raw addresses; create() gives None where unavailable."""

    CODE = {   # x86-64 System V: rdi = address, rsi = value or expected, rdx = desired; result in rax
        "load64": "488b07c3",            # mov rax, [rdi]; ret
        "store64": "488737c3",           # xchg [rdi], rsi; ret
        "cas64": "4889f0f0480fb117c3",   # mov rax, rsi; lock cmpxchg [rdi], rdx; ret  (rax = old value)
        "load32": "8b07c3",              # mov eax, [rdi]; ret
        "store32": "8737c3",             # xchg [rdi], esi; ret
    }

    @staticmethod
    def create():
        import ctypes
        import platform
        if platform.machine() not in ("x86_64", "AMD64") or sys.byteorder != "little" or not sys.platform.startswith("linux"):
            return None
        try:
            page = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
        except (OSError, ValueError) as e:
            log("no executable page for atomics (%s): shm is not offered" % e)
            return None
        atomics = Atomics()
        atomics.page = page
        base = ctypes.addressof(ctypes.c_char.from_buffer(page))
        u64, u32, ptr = ctypes.c_uint64, ctypes.c_uint32, ctypes.c_void_p
        types = {"load64": (u64, ptr), "store64": (None, ptr, u64), "cas64": (u64, ptr, u64, u64),
                 "load32": (u32, ptr), "store32": (None, ptr, u32)}
        offset = 0
        for name, code in Atomics.CODE.items():
            page[offset:offset + len(code) // 2] = bytes.fromhex(code)
            setattr(atomics, name, ctypes.CFUNCTYPE(*types[name])(base + offset))
            offset += 16
        return atomics


ATOMICS = Atomics.create()


class SharedFile:
    """A channel file mapped shared: plain bytes through the mmap, racing words through ATOMICS."""

    def __init__(self, fd, length):
        import ctypes
        self.mm = mmap.mmap(fd, length, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        self.length = length
        self._anchor = ctypes.c_char.from_buffer(self.mm)   # pins the mapping while we use its address
        self.base = ctypes.addressof(self._anchor)

    def load64(self, offset):
        return ATOMICS.load64(self.base + offset)

    def store64(self, offset, value):
        ATOMICS.store64(self.base + offset, value & 0xFFFFFFFFFFFFFFFF)

    def cas64(self, offset, expected, desired):
        return ATOMICS.cas64(self.base + offset, expected, desired & 0xFFFFFFFFFFFFFFFF) == expected

    def load32(self, offset):
        return ATOMICS.load32(self.base + offset)

    def store32(self, offset, value):
        ATOMICS.store32(self.base + offset, value)

    def u32(self, offset):        # a plain load: fields no one changes, or ordered by an earlier acquire
        return struct.unpack_from("<I", self.mm, offset)[0]

    def put_u32(self, offset, value):
        struct.pack_into("<I", self.mm, offset, value)

    def close(self):
        self._anchor = None
        try:
            self.mm.close()
        except BufferError:
            pass   # still exported somewhere; the mapping goes with the process


# ---- the shm transport: layout --------------------------------------------------------------

SHM_MAGIC = 0x4D535049               # "IPSM" little-endian
SHM_VERSION = 1
SHM_HEADER = 8192
OFF_MAGIC, OFF_VERSION, OFF_HEADER_LENGTH, OFF_RING_SIZE = 0, 4, 8, 12
OFF_CAPACITY, OFF_MAX_BYTES, OFF_STATE, OFF_SLOTS, OFF_RECEIVER_PID = 16, 20, 24, 28, 32
OFF_CT_LENGTH, OFF_CT = 64, 68
OFF_TAIL, OFF_HEAD, OFF_WRITER_LOCK = 384, 512, 640
OFF_TABLE, SLOTS, SLOT_BYTES = 1024, 64, 64
SLOT_PID, SLOT_SENDER_ID, SLOT_MORE, SLOT_SENT, SLOT_COLLECTED = 0, 8, 12, 16, 24
STATE_OPEN, STATE_CLOSED, STATE_DEAD = 1, 2, 3
REC_MESSAGE, REC_PADDING = 1, 2
RECORD_HEAD = struct.Struct("<IIII")  # length, type, slot, incarnation
MAX_RING = 8 << 20
MAX_RING_FOR_LARGE_MESSAGES = 1 << 30
WRITER_LOCK_WAIT_NS = 50_000_000      # an async send gives up on a held writer lock after this: full
STEAL_PROBE_NS = 1_000_000            # how often a waiting writer checks that the holder lives
RECEIVER_PROBE_NS = 25_000_000        # how often a waiting sender probes the receiver lock
_tmp_counter = 0


def align8(n):
    return (n + 7) & ~7


def ring_size_for(capacity, max_bytes):
    max_record = align8(16 + max_bytes)
    wanted = max(min(capacity * max_record, MAX_RING), 2 * max_record)
    if wanted > MAX_RING_FOR_LARGE_MESSAGES:
        return None
    return max(1024, 1 << (wanted - 1).bit_length())


def slot_at(slot, field):
    return OFF_TABLE + SLOT_BYTES * slot + field


def process_alive(pid):
    if pid == os.getpid():
        return True
    if not 0 < pid < (1 << 31):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def map_channel_file(address):
    """The SharedFile at `address` after checking magic, version and header; None if there is no
    file; OSError for anything that is not a version 1 channel file."""
    try:
        fd = open_file(address, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        length = os.fstat(fd).st_size
        if length < SHM_HEADER:
            raise OSError("not an shm channel file: address=%s length=%d" % (address, length))
        shared = SharedFile(fd, length)
    finally:
        os.close(fd)
    problem = None
    magic, version = shared.load32(OFF_MAGIC), shared.u32(OFF_VERSION)
    ring = shared.u32(OFF_RING_SIZE)
    if magic != SHM_MAGIC:
        problem = "not an shm channel file: magic app=0x%08x file=0x%08x" % (SHM_MAGIC, magic)
    elif version != SHM_VERSION:
        problem = "version not compatible: app=%d file=%d" % (SHM_VERSION, version)
    elif (shared.u32(OFF_HEADER_LENGTH) != SHM_HEADER or ring < 1024 or ring & (ring - 1)
          or length != SHM_HEADER + ring or shared.u32(OFF_SLOTS) != SLOTS or shared.u32(OFF_CT_LENGTH) > 255):
        problem = "corrupt shm header: header_length=%d ring_size=%d file_length=%d sender_slots=%d" % (
            shared.u32(OFF_HEADER_LENGTH), ring, length, shared.u32(OFF_SLOTS))
    if problem:
        shared.close()
        raise OSError(problem)
    return shared


# ---- the shm transport: the receiver ------------------------------------------------------

class ShmReceiver:
    role = "receiver"

    def __init__(self, address, mode, capacity, max_bytes, content_type):
        self.address, self.mode, self.capacity = address, mode, capacity
        self.max_bytes, self.content_type = max_bytes, content_type
        self.lock = self.shared = None
        self.head = self.tail_seen = 0
        self.closed = False

    @staticmethod
    def open(address, mode, capacity, max_bytes, content_type):
        """(status, receiver or message), following "Opening", receiver."""
        global _tmp_counter
        r = ShmReceiver(address, mode, capacity, max_bytes, content_type)
        ring = ring_size_for(capacity, max_bytes)
        if ring is None:
            return "io", "max_message_bytes too large for an shm ring: max_message_bytes=%d" % max_bytes
        try:
            if os.path.islink(address):
                raise OSError("refusing a symbolic link at a channel path: %s" % address)
            r.lock = ExclusiveLock.try_acquire(address + ".lock")
            if r.lock is None:
                return "busy", "a live receiver owns the channel: address=%s" % address
            r._retire_leftover()
            folder, name = os.path.split(address)
            _tmp_counter += 1
            tmp = os.path.join(folder, ".%s.tmp.%d.%d" % (name, os.getpid(), _tmp_counter))
            fd = open_file(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL)
            try:
                os.ftruncate(fd, SHM_HEADER + ring)
                shared = SharedFile(fd, SHM_HEADER + ring)
            except OSError:
                _unlink_quietly(tmp)
                raise
            finally:
                os.close(fd)
            ct = content_type.encode("utf-8")
            for offset, value in ((OFF_VERSION, SHM_VERSION), (OFF_HEADER_LENGTH, SHM_HEADER), (OFF_RING_SIZE, ring),
                                  (OFF_CAPACITY, capacity), (OFF_MAX_BYTES, max_bytes), (OFF_SLOTS, SLOTS),
                                  (OFF_CT_LENGTH, len(ct))):
                shared.put_u32(offset, value)
            struct.pack_into("<Q", shared.mm, OFF_RECEIVER_PID, os.getpid())
            shared.mm[OFF_CT:OFF_CT + len(ct)] = ct
            shared.store32(OFF_STATE, STATE_OPEN)
            shared.store32(OFF_MAGIC, SHM_MAGIC)   # last
            try:
                os.rename(tmp, address)
            except OSError:
                shared.close()
                _unlink_quietly(tmp)
                raise
            r.shared = shared
            return "ok", r
        except OSError as e:
            r.close()
            return "io", "cannot open shm receiver: address=%s cause=%s" % (address, e)

    def _retire_leftover(self):
        """A file at the address was left by a receiver that died: mark it DEAD, so that senders
        still attached to it end their sends closed. Not a channel file: refused, never replaced."""
        try:
            fd = open_file(self.address, os.O_RDWR)
        except FileNotFoundError:
            return
        try:
            length = os.fstat(fd).st_size
            if length < SHM_HEADER:
                raise OSError("refusing to replace a file that is not an shm channel: address=%s" % self.address)
            old = SharedFile(fd, length)
        finally:
            os.close(fd)
        try:
            if old.load32(OFF_MAGIC) != SHM_MAGIC:
                raise OSError("refusing to replace a file that is not an shm channel: address=%s" % self.address)
            if old.u32(OFF_VERSION) == SHM_VERSION:
                old.store32(OFF_STATE, STATE_DEAD)
            # another version's file has another layout: replaced without being touched
        finally:
            old.close()

    def receive(self, timeout_ns):
        if self.closed:
            return "closed", None
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        backoff = Backoff()
        while True:
            payload = self._read()
            if payload is not None:
                return "message", payload
            if self.mode == "async":
                return "empty", None
            if deadline is not None and now_ns() >= deadline:
                return "timeout", None
            backoff.idle()

    def _read(self):
        """The next payload, or None; following "A read, step by step"."""
        shared, ring = self.shared, self.shared.u32(OFF_RING_SIZE)
        while True:
            if self.head == self.tail_seen:
                self.tail_seen = shared.load64(OFF_TAIL)   # acquire: every byte below it is written
                if self.head == self.tail_seen:
                    return None
            i = self.head & (ring - 1)
            at = SHM_HEADER + i
            length, kind, slot, incarnation = RECORD_HEAD.unpack_from(shared.mm, at)
            published = self.tail_seen - self.head
            if kind == REC_PADDING and length == ring - i and length <= published:
                self.head += length
                continue
            sane = (kind == REC_MESSAGE and 16 <= length <= 16 + self.max_bytes
                    and i + align8(length) <= ring and align8(length) <= published)
            if not sane or slot >= SLOTS:
                # "A corrupt record": report it and move past it, so one bad record does not wedge
                # the receiver. A length that cannot be trusted leaves the published tail as the only
                # known record boundary; a bad slot alone drops just this record.
                at_position = self.head
                self.head = self.tail_seen if not sane else self.head + align8(length)
                shared.store64(OFF_HEAD, self.head)        # release: writers get the room back
                raise OSError("corrupt shm record at ring offset %d (position %d): length=%d type=%d slot=%d "
                              "ringSize=%d published=%d maxMessageBytes=%d; skipped %d bytes to position %d; "
                              "the receiver reads on from there"
                              % (i, at_position, length, kind, slot, ring, published, self.max_bytes,
                                 self.head - at_position, self.head))
            payload = shared.mm[at + 16:at + length]
            self.head += align8(length)
            shared.store64(OFF_HEAD, self.head)            # release: writers may reuse the bytes
            word_at = slot_at(slot, SLOT_COLLECTED)
            while True:
                word = shared.load64(word_at)
                if word >> 32 != incarnation:
                    break                                  # a new owner: the old one's message is not counted
                if shared.cas64(word_at, word, (incarnation << 32) | ((word + 1) & 0xFFFFFFFF)):
                    break
            return payload

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.shared is not None:
            self.shared.store32(OFF_STATE, STATE_CLOSED)
            _unlink_quietly(self.address)
            self.shared.close()
        if self.lock is not None:
            self.lock.release()


# ---- the shm transport: the sender --------------------------------------------------------

class ShmSender:
    role = "sender"

    def __init__(self, address, shared, mode, slot, limit, sender_id):
        self.address, self.shared, self.mode, self.slot, self.limit = address, shared, mode, slot, limit
        self.sender_id = sender_id
        self.lock_path = address + ".lock"
        self.ring = shared.u32(OFF_RING_SIZE)
        self.capacity = shared.u32(OFF_CAPACITY)
        self.incarnation = shared.load64(slot_at(slot, SLOT_COLLECTED)) >> 32
        self.sent = 0
        self.collected = 0          # low 32 bits of the slot's collected word, this incarnation
        self.cached_head = 0
        self.next_probe = 0
        self.closed = False

    @staticmethod
    def open(address, mode, max_bytes, content_type, sender_id, timeout_ns):
        """(status, sender or message), following "Opening", sender."""
        deadline = now_ns() + timeout_ns
        backoff = Backoff()
        mapped, mapped_key = None, None
        try:
            while True:
                if os.path.islink(address):
                    raise OSError("refusing a symbolic link at a channel path: %s" % address)
                try:
                    st = os.lstat(address)
                except FileNotFoundError:
                    st = None
                if st is not None and not stat.S_ISREG(st.st_mode):
                    raise OSError("not a regular file at the shm address: %s" % address)
                if st is not None and (st.st_dev, st.st_ino) != mapped_key:
                    if mapped is not None:
                        mapped.close()
                    mapped, mapped_key = map_channel_file(address), (st.st_dev, st.st_ino)
                if st is not None and mapped is not None and ShmSender._live(mapped, address):
                    return ShmSender._attach(address, mapped, mode, max_bytes, content_type, sender_id)
                if now_ns() >= deadline:
                    if mapped is not None:
                        mapped.close()
                    return "not_found", "no live shm receiver within %d ms: address=%s" % (
                        timeout_ns // 1_000_000, address)
                backoff.idle()
        except OSError as e:
            if mapped is not None:
                mapped.close()
            return "io", "cannot attach to shm channel: address=%s cause=%s" % (address, e)

    @staticmethod
    def _live(shared, address):
        return (shared.load32(OFF_STATE) == STATE_OPEN
                and process_alive(struct.unpack_from("<Q", shared.mm, OFF_RECEIVER_PID)[0])
                and lock_is_held(address + ".lock"))

    @staticmethod
    def _attach(address, shared, mode, max_bytes, content_type, sender_id):
        n = shared.u32(OFF_CT_LENGTH)
        channel_type = shared.mm[OFF_CT:OFF_CT + n]
        if channel_type != content_type.encode("utf-8"):
            shared.close()
            return "format_mismatch", "content type differs: channel=%s sender=%s" % (
                channel_type.decode("utf-8", "replace"), content_type)
        me = os.getpid()
        for slot in range(SLOTS):
            pid_at = slot_at(slot, SLOT_PID)
            owner = shared.load64(pid_at)
            free = owner == 0 or (owner != me and not process_alive(owner))
            if free and shared.cas64(pid_at, owner, me):
                shared.put_u32(slot_at(slot, SLOT_SENDER_ID), sender_id)
                # more = 0: this endpoint never says it is in a batch, so every collection of its
                # records is counted at once; a dead owner's 1 would let a receiver defer them.
                shared.store32(slot_at(slot, SLOT_MORE), 0)
                shared.store64(slot_at(slot, SLOT_SENT), 0)
                word_at = slot_at(slot, SLOT_COLLECTED)
                while True:   # a CAS: the receiver may be counting an old record of this slot right now
                    word = shared.load64(word_at)
                    if shared.cas64(word_at, word, (((word >> 32) + 1) & 0xFFFFFFFF) << 32):
                        break
                limit = min(max_bytes, shared.u32(OFF_MAX_BYTES))
                return "ok", ShmSender(address, shared, mode, slot, limit, sender_id)
        shared.close()
        return "io", "shm sender table full: slots=%d address=%s" % (SLOTS, address)

    def send(self, payload, timeout_ns):
        if self.closed:
            return "closed"
        if len(payload) > self.limit:
            return "too_large"
        if self.mode == "async":
            status = self._try_write(payload, WRITER_LOCK_WAIT_NS)
            return "closed" if status == "full" and self._receiver_gone() else status
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        backoff = Backoff()
        while True:
            status = self._try_write(payload, WRITER_LOCK_WAIT_NS)
            if status == "ok":
                break
            if status == "closed" or self._receiver_gone():
                return "closed"
            if deadline is not None and now_ns() >= deadline:
                return "timeout"
            backoff.idle()
        target = self.sent & 0xFFFFFFFF
        backoff = Backoff()
        while True:
            if self._covers(target):
                return "ok"
            if self._slot_lost():
                return "closed"
            if self._receiver_gone():
                return "ok" if self._covers(target) else "closed"   # collected just before it closed?
            if deadline is not None and now_ns() >= deadline:
                return "timeout"
            backoff.idle()

    def _try_write(self, payload, lock_wait_ns):
        """ok, full or closed; following "A write, step by step", steps 1 to 8."""
        shared = self.shared
        if shared.load32(OFF_STATE) != STATE_OPEN:
            return "closed"
        if self._uncollected() >= self.capacity:
            self._refresh_collected()
            if self._uncollected() >= self.capacity:
                return "full"
        if not self._lock_writer(lock_wait_ns):
            return "closed" if shared.load32(OFF_STATE) != STATE_OPEN else "full"
        try:
            tail = shared.load64(OFF_TAIL)
            ring = self.ring
            i = tail & (ring - 1)
            n = align8(16 + len(payload))
            pad = ring - i if n > ring - i else 0
            if tail + pad + n - self.cached_head > ring:
                self.cached_head = shared.load64(OFF_HEAD)
                if tail + pad + n - self.cached_head > ring:
                    return "full"
            if pad:
                struct.pack_into("<II", shared.mm, SHM_HEADER + i, pad, REC_PADDING)
                i = 0
            at = SHM_HEADER + i
            RECORD_HEAD.pack_into(shared.mm, at, 16 + len(payload), REC_MESSAGE, self.slot, self.incarnation)
            shared.mm[at + 16:at + 16 + len(payload)] = payload
            shared.store64(OFF_TAIL, tail + pad + n)   # publishes the record
        finally:
            shared.store64(OFF_WRITER_LOCK, 0)
        self.sent += 1
        shared.store64(slot_at(self.slot, SLOT_SENT), self.sent)
        return "ok"

    def _lock_writer(self, wait_ns):
        shared, me = self.shared, os.getpid()
        if shared.cas64(OFF_WRITER_LOCK, 0, me):
            return True
        start = now_ns()
        next_steal = start + STEAL_PROBE_NS
        backoff = Backoff()
        while True:
            backoff.idle()
            if shared.cas64(OFF_WRITER_LOCK, 0, me):
                return True
            now = now_ns()
            if now >= next_steal:
                holder = shared.load64(OFF_WRITER_LOCK)
                if holder != 0 and not process_alive(holder) and shared.cas64(OFF_WRITER_LOCK, holder, me):
                    return True   # the holder died mid-write; what it left past tail is overwritten
                next_steal = now + STEAL_PROBE_NS
            if now - start > wait_ns:
                return False

    def _uncollected(self):
        return (self.sent - self.collected) & 0xFFFFFFFF

    def _refresh_collected(self):
        word = self.shared.load64(slot_at(self.slot, SLOT_COLLECTED))
        if word >> 32 == self.incarnation:
            self.collected = word & 0xFFFFFFFF

    def _covers(self, target):
        self._refresh_collected()
        return (self.collected - target) & 0xFFFFFFFF < 0x80000000   # collected - target >= 0, in 32 bits

    def _slot_lost(self):
        return self.shared.load64(slot_at(self.slot, SLOT_COLLECTED)) >> 32 != self.incarnation

    def _receiver_gone(self):
        if self.shared.load32(OFF_STATE) != STATE_OPEN:
            return True
        now = now_ns()
        if now < self.next_probe:
            return False
        self.next_probe = now + RECEIVER_PROBE_NS
        return not lock_is_held(self.lock_path)

    def close(self):
        if self.closed:
            return
        self.closed = True
        self.shared.cas64(slot_at(self.slot, SLOT_PID), os.getpid(), 0)
        self.shared.close()


# ---- generated payloads (PROTOCOL.md section 4) -----------------------------------------

_RAMP = bytes(range(256))


def filler(seq, size):
    """Bytes 24..size: the byte at offset i is (seq * 7 + i) mod 256."""
    n = size - 24
    start = (seq * 7 + 24) % 256
    return (_RAMP * ((start + n) // 256 + 1))[start:start + n]


def generated_payload(seq, sender_id, sent_t, size):
    return PAYLOAD_HEADER.pack(PAYLOAD_MAGIC, seq, sender_id, sent_t) + filler(seq, size)


def describe_payload(payload, content_type):
    """The message fields of recv_end and the reply."""
    size = len(payload)
    if payload[:4] == PAYLOAD_MAGIC:
        if size < 24:
            return {"seq": None, "sender_id": None, "size": size, "sent_t": None, "intact": False,
                    "content_type": content_type}
        _, seq, sender_id, sent_t = PAYLOAD_HEADER.unpack_from(payload)
        return {"seq": seq, "sender_id": sender_id, "size": size, "sent_t": sent_t,
                "intact": payload[24:] == filler(seq, size), "content_type": content_type}
    return {"text": payload.decode("utf-8", "replace"), "size": size, "content_type": content_type}


# ---- the ops ------------------------------------------------------------------------------

TRANSPORT_CLASSES = {"file": (FileReceiver, FileSender), "socket": (SocketReceiver, SocketSender)}
if ATOMICS is not None:
    TRANSPORTS.insert(0, "shm")
    TRANSPORT_CLASSES["shm"] = (ShmReceiver, ShmSender)


class Session:
    def __init__(self):
        self.handles = {}   # handle name -> a receiver or a sender of TRANSPORT_CLASSES

    def handle(self, request, role):
        name = request.string("channel", "main")
        end = self.handles.get(name)
        if end is None:
            raise invalid('unknown channel "%s"; open: [%s]' % (name, ", ".join(self.handles)))
        if end.role != role:
            raise invalid('channel "%s" is a %s; %s needs a %s' % (name, end.role, request.op, role))
        return name, end

    def close_all(self):
        for end in self.handles.values():
            end.close()
        self.handles.clear()

    # -- open, close, clock, exit

    def op_open(self, request):
        channel = request.string("channel", "main")
        role = request.string("role")
        if role not in ("sender", "receiver"):
            raise invalid('field role must be "sender" or "receiver", not "%s"' % role)
        transport = request.string("transport")
        address = request.string("address")
        mode = request.string("mode")
        if not os.path.isabs(address) or "\0" in address:
            raise invalid('field address must be an absolute path, not "%s"' % address)
        capacity = request.integer("capacity", 1, MAX_I32, DEFAULTS["capacity"])
        # A sender's own limit can only lower the channel's; without one it takes the channel's.
        max_bytes = request.integer("max_message_bytes", 1, MAX_I32,
                                    MAX_I32 if role == "sender" else DEFAULTS["max_message_bytes"])
        content_type = request.string("content_type", DEFAULTS["content_type"])
        if len(content_type.encode("utf-8")) > MAX_CONTENT_TYPE_BYTES:
            raise invalid("field content_type is longer than %d bytes" % MAX_CONTENT_TYPE_BYTES)
        sender_id = request.integer("sender_id", 0, MAX_U32, DEFAULTS["sender_id"])
        timeout_ms = request.integer("timeout_ms", 0, (1 << 63) - 1, DEFAULTS["timeout_ms"])
        if transport not in TRANSPORTS:
            raise RequestError("unsupported", 'transport "%s" is not offered; offered: [%s]'
                               % (transport, ", ".join(TRANSPORTS)))
        if mode not in ("sync", "async"):
            raise RequestError("unsupported", 'mode "%s" is not offered; offered: sync, async' % mode)

        previous = self.handles.pop(channel, None)
        if previous is not None:
            previous.close()   # opening a handle again replaces it (a sender told closed opens again)
        receiver_class, sender_class = TRANSPORT_CLASSES[transport]
        if role == "receiver":
            status, result = receiver_class.open(address, mode, capacity, max_bytes, content_type)
        else:
            status, result = sender_class.open(address, mode, max_bytes, content_type, sender_id,
                                               timeout_ms * 1_000_000)
        if status == "ok":
            self.handles[channel] = result
            reply(request.id, status="ok")
        else:
            reply(request.id, status=status, message=result)

    def op_close(self, request):
        name = request.string("channel", "main")
        end = self.handles.pop(name, None)
        if end is None:
            raise invalid('unknown channel "%s"; open: [%s]' % (name, ", ".join(self.handles)))
        end.close()
        reply(request.id, status="ok")

    def op_clock(self, request):
        reply(request.id, t=now_ns())

    def op_exit(self, request):
        self.close_all()   # before the reply, so whoever reads it finds the channels free
        reply(request.id)
        return True

    # -- send, send_many

    def op_send(self, request):
        seq = request.integer("seq", 0, MAX_SEQ)
        if request.has("size") == request.has("text"):
            raise invalid("give exactly one of size (a generated payload) and text")
        timeout_ns = request.timeout_ns()
        size = payload_size(request) if request.has("size") else None
        text = None if size is not None else request.string("text").encode("utf-8")
        if text is not None and text.startswith(PAYLOAD_MAGIC):
            raise invalid("field text must not begin with IPC1, which marks a generated payload")
        name, sender = self.handle(request, "sender")

        begin = now_ns()   # send_begin's t is also the payload's sent_t
        event("send_begin", name, t=begin, seq=seq)
        message = None
        if size is not None and size > sender.limit:
            status = "too_large"   # answered without building a payload of, say, 2 GiB
        else:
            payload = text if text is not None else generated_payload(seq, sender.sender_id, begin, size)
            try:
                status = sender.send(payload, timeout_ns)
            except Exception as e:
                status, message = "error", "send failed: %s" % e
        extra = {} if message is None else {"message": message}
        event("send_end", name, t=now_ns(), seq=seq, status=status, **extra)
        reply(request.id, status=status, **extra)

    def op_send_many(self, request):
        if "rate" in request.fields:
            # A paced send_many (docs/protocol.md#send_many) is optional; saying so makes the
            # latency scenarios unsupported instead of judging an unpaced run against their bounds.
            raise RequestError("unsupported", "field rate (a paced send_many) is not offered")
        if "reply_channel" in request.fields:
            # Request/reply batches are optional too; the request/reply latency scenarios are
            # then unsupported.
            raise RequestError("unsupported", "field reply_channel (a request/reply send_many) is not offered")
        first_seq = request.integer("first_seq", 0, MAX_SEQ)
        count = request.integer("count", 0, MAX_SEQ + 1 - first_seq)
        size = payload_size(request)
        sample_every = request.integer("sample_every", 0, (1 << 63) - 1, 0)
        timeout_ns = request.timeout_ns()
        name, sender = self.handle(request, "sender")

        sent = full_retries = 0
        first_t = last_t = None
        status, message = "ok", None
        backoff = Backoff()
        for i in range(1, count + 1):
            seq = first_seq + i - 1
            sampled = sample_every > 0 and i % sample_every == 0
            begin = now_ns()   # sent_t is taken at the first attempt
            if i == 1:
                first_t = begin
            if sampled:
                event("send_begin", name, t=begin, seq=seq)
            try:
                if size > sender.limit:
                    status = "too_large"
                else:
                    payload = generated_payload(seq, sender.sender_id, begin, size)
                    status = sender.send(payload, timeout_ns)
                    # full is retried and counted; an async sender with timeout_ms gives up after it.
                    while status == "full" and not (timeout_ns is not None and now_ns() - begin >= timeout_ns):
                        full_retries += 1
                        backoff.idle()
                        status = sender.send(payload, timeout_ns)
                    backoff.reset()
            except Exception as e:
                status, message = "error", "send failed: %s" % e
            last_t = now_ns()
            if sampled:
                event("send_end", name, t=last_t, seq=seq, status=status,
                      **({} if message is None else {"message": message}))
            if status != "ok":
                break
            sent += 1
            if ABANDON.is_set():
                raise Abandoned()
        fields = {"count": count, "sent": sent, "full_retries": full_retries, "first_t": first_t,
                  "last_t": last_t, "status": status}
        if message is not None:
            fields["message"] = message
        event("batch_end", name, **fields)
        reply(request.id, **fields)

    # -- receive, receive_many

    def op_receive(self, request):
        timeout_ns = request.timeout_ns()
        name, receiver = self.handle(request, "receiver")
        event("recv_begin", name, t=now_ns())
        payload, message = None, None
        try:
            status, payload = receiver.receive(timeout_ns)
        except Exception as e:
            status, message = "error", "receive failed: %s" % e
        end = now_ns()
        fields = {"status": status}
        if message is not None:
            fields["message"] = message
        if status == "message":
            fields.update(describe_payload(payload, receiver.content_type))
        event("recv_end", name, t=end, **fields)
        reply(request.id, **fields)

    def op_receive_many(self, request):
        if "ack_channel" in request.fields:
            raise RequestError("unsupported", "field ack_channel (acknowledging a request/reply batch) is not offered")
        count = request.integer("count", 0, (1 << 63) - 1)
        sample_every = request.integer("sample_every", 0, (1 << 63) - 1, 0)
        timeout_ns = request.timeout_ns()
        name, receiver = self.handle(request, "receiver")
        deadline = None if timeout_ns is None else now_ns() + timeout_ns
        sync = receiver.mode == "sync"

        received = empty_polls = not_intact = 0
        first_t = last_t = None
        status, message = "ok", None
        latencies = []
        per_sender = {}   # sender_id -> SenderStats
        backoff = Backoff()
        while received < count:
            sampled = sample_every > 0 and (received + 1) % sample_every == 0
            begin = now_ns()
            if sampled and sync:
                event("recv_begin", name, t=begin)
            remaining = None if deadline is None else max(0, deadline - begin)
            try:
                result, payload = receiver.receive(remaining if sync else 0)
            except Exception as e:
                status, message = "error", "receive failed: %s" % e
                if sampled and sync:
                    event("recv_end", name, t=now_ns(), status=status, message=message)
                break
            end = now_ns()
            if result == "empty":
                empty_polls += 1
                if deadline is not None and end >= deadline:
                    status = "timeout"
                    break
                backoff.idle()
                continue
            if result != "message":
                status = result
                if sampled and sync:
                    event("recv_end", name, t=end, status=status)
                break
            backoff.reset()
            received += 1
            if received == 1:
                first_t = end
            last_t = end
            fields = describe_payload(payload, receiver.content_type)
            if fields.get("seq") is not None:
                if not fields["intact"]:
                    not_intact += 1
                latencies.append(end - fields["sent_t"])
                per_sender.setdefault(fields["sender_id"], SenderStats()).arrived(fields["seq"])
            else:
                not_intact += 1   # a text payload, or a torn header
            if sampled:
                if not sync:
                    event("recv_begin", name, t=begin)
                event("recv_end", name, t=end, status="message", **fields)
            if ABANDON.is_set():
                raise Abandoned()
        fields = {"count": count, "received": received, "empty_polls": empty_polls,
                  "first_t": first_t, "last_t": last_t, "status": status}
        if message is not None:
            fields["message"] = message
        fields["not_intact"] = not_intact
        fields["latency_ns"] = percentiles(latencies)
        fields["per_sender"] = {str(sid): per_sender[sid].summary() for sid in sorted(per_sender)}
        event("batch_end", name, **fields)
        reply(request.id, **fields)


def payload_size(request):
    size = request.integer("size", -(1 << 63), (1 << 63) - 1)
    if not 24 <= size <= MAX_I32:
        raise invalid("field size must be in [24, %d] (a generated payload has a 24-byte header), not %d"
                      % (MAX_I32, size))
    return size


def percentiles(samples):
    """Nearest rank: the p-th percentile of N sorted samples has rank ceil(p/100 * N), 1-based;
    computed in integers (per mille) so that no rounding moves a rank."""
    if not samples:
        return None
    samples.sort()
    n = len(samples)
    result = {}
    for key, permille in (("p50", 500), ("p90", 900), ("p99", 990), ("p999", 999)):
        rank = max(1, (permille * n + 999) // 1000)
        result[key] = samples[rank - 1]
    result["max"] = samples[-1]
    return result


class SenderStats:
    """What a receive_many saw from one sender: counts for diagnosis, the digest as evidence."""

    def __init__(self):
        self.received = self.out_of_order = self.duplicates = 0
        self.first_seq = self.last_seq = None
        self.max_seq = -1
        self.seen = set()
        self.crc = 0

    def arrived(self, seq):
        if self.received == 0:
            self.first_seq = seq
        elif seq < self.max_seq:
            self.out_of_order += 1      # a repeat of an earlier, lower seq counts here too
        if seq in self.seen:
            self.duplicates += 1
        self.seen.add(seq)
        self.max_seq = max(self.max_seq, seq)
        self.received += 1
        self.last_seq = seq
        self.crc = crc32c(seq.to_bytes(8, "big"), self.crc)

    def summary(self):
        return {"received": self.received, "first_seq": self.first_seq, "last_seq": self.last_seq,
                "out_of_order": self.out_of_order, "duplicates": self.duplicates,
                "digest": "%08x" % self.crc}


# ---- the request loop and stdin ----------------------------------------------------------

OPS = ["open", "send", "receive", "send_many", "receive_many", "close", "clock", "exit"]


def handle_line(session, line):
    """Answers one line; True when the endpoint is to exit."""
    request = None
    try:
        request = parse_request(line)
        if request.op not in OPS:
            raise RequestError("unsupported", 'unknown op "%s"; known: %s' % (request.op, ", ".join(OPS)))
        return bool(getattr(session, "op_" + request.op)(request))
    except RequestError as e:
        reply(request.id if request is not None else None, ok=False, error=e.error, message=str(e))
    except Abandoned:
        raise
    except Exception as e:   # a bug or a broken end, not the request's fault: status error
        log("request failed unexpectedly:", repr(e))
        reply(request.id if request is not None else None, status="error", message=repr(e))
    return False


def request_loop(session, lines):
    try:
        while True:
            line = lines.get()
            if line is None or ABANDON.is_set():
                break
            if isinstance(line, int):
                reply(None, ok=False, error="invalid",
                      message="line of %d bytes is over the limit of %d bytes" % (line, MAX_LINE_BYTES))
            elif handle_line(session, line):
                sys.stdout.flush()
                os._exit(0)
    except Abandoned:
        log("stdin EOF while a blocking call was running; abandoning it")
    session.close_all()


def read_stdin(lines):
    """Puts each line (bytes, without its newline) on `lines`; the length (an int) of a line over
    the limit, which is skipped without being held in memory; None at EOF."""
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if line.endswith(b"\n"):
            lines.put(line[:-1])
        elif len(line) <= MAX_LINE_BYTES:
            lines.put(line)   # an unterminated last line is still a line
        else:
            length = len(line)
            while not line.endswith(b"\n"):
                line = stdin.readline(65536)
                if not line:
                    break
                length += len(line)
            lines.put(length - (1 if line.endswith(b"\n") else 0))


def offer_only(argv):
    """`--transports a,b` offers only those (to try one transport, or to see how the harness treats
    an implementation that lacks some); each must be one this endpoint can offer here."""
    import argparse
    parser = argparse.ArgumentParser(prog="endpoint.py", description="ipcspec driver protocol endpoint")
    parser.add_argument("--transports", help="offer only these, comma-separated; default: %s" % ",".join(TRANSPORTS))
    wanted = parser.parse_args(argv).transports
    if wanted is None:
        return
    chosen = [t for t in wanted.split(",") if t]
    unknown = [t for t in chosen if t not in TRANSPORTS]
    if unknown or not chosen:
        parser.error("--transports %s: can offer only %s here" % (wanted, ",".join(TRANSPORTS)))
    TRANSPORTS[:] = [t for t in TRANSPORTS if t in chosen]


def main():
    offer_only(sys.argv[1:])
    os.umask(0o077)   # belt and braces: everything a channel creates is owner-only (P1)
    emit({"type": "hello", "protocol": 1, "implementation": IMPLEMENTATION, "version": VERSION,
          "transports": TRANSPORTS, "clock": "monotonic"})
    lines = queue.Queue()
    session = Session()
    worker = threading.Thread(target=request_loop, args=(session, lines), daemon=True)
    worker.start()
    try:
        read_stdin(lines)   # stdin on this thread, so EOF is seen while the loop is blocked
    except OSError as e:
        log("stdin failed, treating it as EOF:", e)
    # EOF: queued requests are dropped, a running call is abandoned without a reply.
    ABANDON.set()
    while True:
        try:
            lines.get_nowait()
        except queue.Empty:
            break
    lines.put(None)
    worker.join(timeout=1.2)   # the protocol allows 2 s; exiting releases whatever is left
    os._exit(0)


if __name__ == "__main__":
    main()
