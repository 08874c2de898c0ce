package org.ipcspec.harness.process;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a supervised endpoint did, as it happens. Called from reader threads: implementations must be thread-safe. */
public interface EndpointListener {

    /** A protocol line arrived on stdout ({@code arrivalNanos} on System.nanoTime, the shared monotonic clock). */
    void line(String participant, ObjectNode line, long arrivalNanos);

    /** The harness wrote a request to the endpoint's stdin. */
    void requested(String participant, ObjectNode request, long sentNanos);

    /** The process was started, killed by the harness, or exited on its own. */
    void lifecycle(String participant, String what, long nanos);

    EndpointListener NONE = new EndpointListener() {
        @Override
        public void line(String participant, ObjectNode line, long arrivalNanos) {
        }

        @Override
        public void requested(String participant, ObjectNode request, long sentNanos) {
        }

        @Override
        public void lifecycle(String participant, String what, long nanos) {
        }
    };
}
