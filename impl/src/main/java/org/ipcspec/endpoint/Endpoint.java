package org.ipcspec.endpoint;

public final class Endpoint {
    public static void main(String[] args) {
    }
}
