#!/usr/bin/env python3
"""Checks that the Python endpoint and the Java reference endpoint interoperate over the wire
formats of docs/wire-formats.md, on every transport on which both profiles declare the same
format (`wire:` in features/reference.yaml and docs/examples/python/profile.yaml): each language
sends to the other, asynchronously and synchronously, in bulk, and each sees the other's receiver
lock.

    mvn -q -B -pl impl package -DskipTests                       # builds impl/target/ipcspec-endpoint.jar
    python3 docs/examples/python/interop.py                      # from the repository root
    python3 docs/examples/python/interop.py --transport socket   # one transport only

Exits 0 when every check passed; prints one line per check.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PYTHON = [sys.executable, os.path.join(HERE, "endpoint.py")]
JAVA = ["java", "-jar", os.path.join(ROOT, "impl", "target", "ipcspec-endpoint.jar")]
PROFILES = {"java": os.path.join(ROOT, "features", "reference.yaml"), "python": os.path.join(HERE, "profile.yaml")}


def declared_wire(profile):
    """transport -> wire format from a profile's one-line `wire: {t: format, ...}` (the standard
    library has no YAML parser, and both profiles write it on one line)."""
    with open(profile, encoding="utf-8") as f:
        match = re.search(r"^wire:\s*\{([^}]*)\}", f.read(), re.MULTILINE)
    if match is None:
        sys.exit("%s: no one-line `wire: {...}`; cannot tell which wire formats it speaks" % profile)
    pairs = (item.split(":", 1) for item in match.group(1).split(",") if item.strip())
    return {k.strip(): v.strip() for k, v in pairs}


def shared_transports():
    """Transports on which both profiles declare the same wire format, in the reference's order."""
    java, python = declared_wire(PROFILES["java"]), declared_wire(PROFILES["python"])
    return [t for t in java if python.get(t) == java[t]]


class Endpoint:
    """One endpoint process, driven over its stdin/stdout."""

    def __init__(self, name, argv):
        self.name = name
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.next_id = 0
        self.hello = json.loads(self.proc.stdout.readline())

    def request(self, op, **fields):
        """Sends a request and returns (events, reply)."""
        self.next_id += 1
        self.write(op, self.next_id, fields)
        return self.read_reply(self.next_id)

    def write(self, op, rid, fields):
        self.proc.stdin.write(json.dumps({"id": rid, "op": op, **fields}) + "\n")
        self.proc.stdin.flush()

    def read_reply(self, rid):
        events = []
        while True:
            line = json.loads(self.proc.stdout.readline())
            if line["type"] == "reply" and line["id"] == rid:
                return events, line
            events.append(line)

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()


failures = []


def check(what, condition, detail=""):
    print("%-4s %s%s" % ("ok" if condition else "FAIL", what, "" if condition else ": " + str(detail)))
    if not condition:
        failures.append(what)


def digest(seqs):
    sys.path.insert(0, HERE)
    from endpoint import crc32c
    crc = 0
    for seq in seqs:
        crc = crc32c(seq.to_bytes(8, "big"), crc)
    return "%08x" % crc


def one_way(folder, transport, sender_kind, receiver_kind):
    """A sender of one language, a receiver of the other, on one address of `transport`."""
    kinds = {"python": PYTHON, "java": JAVA}
    tag = "%s: %s -> %s" % (transport, sender_kind, receiver_kind)
    address = os.path.join(folder, "%s-%s-to-%s" % (transport, sender_kind, receiver_kind))
    receiver = Endpoint(receiver_kind, kinds[receiver_kind])
    sender = Endpoint(sender_kind, kinds[sender_kind])
    sync_sender = Endpoint(sender_kind, kinds[sender_kind])
    for endpoint in (receiver, sender):
        if transport not in endpoint.hello.get("transports", []):
            # shm needs x86-64 Linux in the Python endpoint (see its README): skipped, not failed.
            print("skip %s: the %s endpoint does not offer %s here (hello: %s)"
                  % (tag, endpoint.name, transport, endpoint.hello.get("transports")))
            for e in (receiver, sender, sync_sender):
                e.close()
            return
    try:
        _, r = receiver.request("open", role="receiver", transport=transport, address=address, mode="sync",
                                capacity=4096, content_type="text/plain")
        check(tag + ": receiver opens", r.get("status") == "ok", r)
        _, r = sender.request("open", role="sender", transport=transport, address=address, mode="async",
                              content_type="application/json", sender_id=7)
        check(tag + ": a sender with another content type gets format_mismatch",
              r.get("status") == "format_mismatch", r)
        _, r = sender.request("open", role="sender", transport=transport, address=address, mode="async",
                              content_type="text/plain", sender_id=7)
        check(tag + ": sender attaches", r.get("status") == "ok", r)

        _, r = sender.request("send", seq=1, size=100)
        _, t = sender.request("send", seq=2, text="héllo, ipcspec")
        check(tag + ": async sends ok", r.get("status") == "ok" and t.get("status") == "ok", (r, t))
        _, r = receiver.request("receive", timeout_ms=2000)
        check(tag + ": generated payload arrives intact",
              r.get("seq") == 1 and r.get("sender_id") == 7 and r.get("size") == 100 and r.get("intact"), r)
        _, r = receiver.request("receive", timeout_ms=2000)
        check(tag + ": text payload arrives as text", r.get("text") == "héllo, ipcspec", r)

        # A synchronous send returns only once the other language's receiver collected it.
        _, r = sync_sender.request("open", role="sender", transport=transport, address=address, mode="sync",
                                   content_type="text/plain", sender_id=8)
        sync_sender.write("send", 99, {"seq": 1, "size": 64, "timeout_ms": 10000})
        time.sleep(0.5)
        _, r = receiver.request("receive", timeout_ms=5000)
        _, s = sync_sender.read_reply(99)
        check(tag + ": sync send ends ok after the receiver collected it",
              r.get("sender_id") == 8 and s.get("status") == "ok", (r, s))

        _, r = sender.request("send_many", first_seq=10, count=1000, size=64)
        check(tag + ": send_many of 1000", r.get("status") == "ok" and r.get("sent") == 1000, r)
        _, r = receiver.request("receive_many", count=1000, timeout_ms=30000)
        stats = r.get("per_sender", {}).get("7", {})
        check(tag + ": receive_many gets all 1000 in order, digest matches",
              r.get("status") == "ok" and r.get("not_intact") == 0 and stats.get("digest") == digest(range(10, 1010))
              and stats.get("out_of_order") == 0, r)

        # Senders of both languages at once on one channel (on shm they take turns at the ring's
        # writer lock by CAS): each one's messages arrive complete and in its order.
        mixed = Endpoint(receiver_kind, kinds[receiver_kind])
        _, r = mixed.request("open", role="sender", transport=transport, address=address, mode="async",
                             content_type="text/plain", sender_id=17)
        check(tag + ": a %s sender attaches beside it" % receiver_kind, r.get("status") == "ok", r)
        sender.write("send_many", 200, {"first_seq": 1, "count": 3000, "size": 64})
        mixed.write("send_many", 201, {"first_seq": 1, "count": 3000, "size": 64})
        _, a = sender.read_reply(200)
        _, b = mixed.read_reply(201)
        _, r = receiver.request("receive_many", count=6000, timeout_ms=60000)
        per = r.get("per_sender", {})
        expected = digest(range(1, 3001))
        check(tag + ": two languages' senders at once: 3000 each, in order, digests match",
              a.get("sent") == 3000 and b.get("sent") == 3000 and r.get("status") == "ok" and r.get("not_intact") == 0
              and all(per.get(k, {}).get("digest") == expected and per.get(k, {}).get("out_of_order") == 0
                      for k in ("7", "17")), (a, b, r))
        mixed.close()

        # The receiver lock: a second receiver of the sender's language is busy.
        other = Endpoint(sender_kind, kinds[sender_kind])
        _, r = other.request("open", role="receiver", transport=transport, address=address, mode="sync",
                             content_type="text/plain")
        check(tag + ": a second receiver (%s) gets busy" % sender_kind, r.get("status") == "busy", r)

        # K1: killing the receiver unblocks a synchronous sender with closed.
        sync_sender.write("send", 100, {"seq": 2, "size": 64})
        time.sleep(0.5)
        receiver.kill()
        started = time.monotonic()
        _, s = sync_sender.read_reply(100)
        check(tag + ": killing the receiver ends a blocked sync send with closed",
              s.get("status") == "closed" and time.monotonic() - started < 5, s)

        _, r = other.request("open", role="receiver", transport=transport, address=address, mode="sync",
                             content_type="text/plain")
        if transport == "file":
            # D1: the next receiver (the sender's language) collects what the dead one left.
            _, m = other.request("receive", timeout_ms=5000)
            check(tag + ": a new receiver (%s) takes over and collects the leftover" % sender_kind,
                  r.get("status") == "ok" and m.get("sender_id") == 8 and m.get("seq") == 2, (r, m))
        else:
            # Uncollected messages die with the receiver here (the protocol allows it); the new
            # receiver replaces what the dead one left at the address, and a new sender reaches it.
            _, s2 = sync_sender.request("open", role="sender", transport=transport, address=address, mode="sync",
                                        content_type="text/plain", sender_id=9)
            sync_sender.write("send", 101, {"seq": 3, "size": 64, "timeout_ms": 10000})
            _, m = other.request("receive", timeout_ms=5000)
            _, sent = sync_sender.read_reply(101)
            check(tag + ": a new receiver (%s) takes over the address; a new sender reaches it" % sender_kind,
                  r.get("status") == "ok" and s2.get("status") == "ok" and sent.get("status") == "ok"
                  and m.get("sender_id") == 9 and m.get("seq") == 3 and m.get("intact"), (r, s2, sent, m))
        other.close()
    finally:
        for endpoint in (receiver, sender, sync_sender):
            endpoint.close()


def main():
    shared = shared_transports()
    parser = argparse.ArgumentParser(description="Java x Python interoperability over the documented wire formats.")
    parser.add_argument("--transport", action="append", choices=shared,
                        help="only this transport (repeatable); default: every one both profiles declare: %s"
                        % ", ".join(shared))
    transports = parser.parse_args().transport or shared
    if not os.path.exists(JAVA[-1]):
        sys.exit("build the Java endpoint first: mvn -q -B -pl impl package -DskipTests")
    # Short: a socket address must stay within 100 bytes.
    folder = tempfile.mkdtemp(prefix="ipcspec-interop-", dir="/tmp")
    os.chmod(folder, 0o700)
    try:
        for transport in transports:
            one_way(folder, transport, "python", "java")
            one_way(folder, transport, "java", "python")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("%d check(s) failed" % len(failures) if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
