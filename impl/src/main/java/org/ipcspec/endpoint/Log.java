package org.ipcspec.endpoint;

/** stderr logging: free text the harness attaches to its report (docs/protocol.md#streams). */
final class Log {

    private Log() {
    }

    static void warn(String message) {
        System.err.println("ipcspec-endpoint: " + message);
    }

    static void warn(String message, Throwable cause) {
        System.err.println("ipcspec-endpoint: " + message);
        cause.printStackTrace(System.err);
    }
}
