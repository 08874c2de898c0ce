package org.ipcspec.harness.bench;

/** The start-up baseline: a bare JVM that writes a hello line and exits. */
public final class HelloBaseline {

    private HelloBaseline() {
    }

    public static void main(String[] args) {
        System.out.println("{\"type\":\"hello\",\"protocol\":1,\"implementation\":\"bare-jvm\",\"version\":\"0\"}");
        System.out.flush();
    }
}
