package org.ipcspec.harness.history;

/** What the events of one request amount to: a single send, a single receive, or a bulk batch. */
enum CallKind {
    SEND,
    RECEIVE,
    BATCH;

    /** The kind a {@code send_begin}/{@code send_end} or {@code recv_begin}/{@code recv_end} event belongs to. */
    static CallKind ofEvent(String event) {
        return event.startsWith("send") ? SEND : RECEIVE;
    }
}
