package org.ipcspec.endpoint;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/** The protocol loop over the in-memory transport, as a process: for tests of the process contract. */
public final class InMemoryEndpointMain {

    private InMemoryEndpointMain() {
    }

    public static void main(String[] args) {
        System.exit(Endpoint.run(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new InMemoryOpener()));
    }
}
