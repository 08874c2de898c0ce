package org.ipcspec.harness.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plays a harness that dies: starts a reference endpoint, leaves it blocked in a synchronous
 * receive with no timeout (stopped with SIGSTOP too, given {@code pause}), prints its pid, and waits
 * to be SIGKILLed (no shutdown hook runs then).
 */
public final class HarnessStandIn {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path address = Path.of(args[1]);
        EndpointProcess endpoint = EndpointProcess.start("receiver", List.of(javaBinary(), "-jar", jar.toString()), Map.of(),
                Path.of("").toAbsolutePath(), EndpointListener.NONE);
        endpoint.awaitHello(Duration.ofSeconds(20));
        ObjectMapper json = new ObjectMapper();
        ObjectNode open = json.createObjectNode().put("op", "open").put("role", "receiver").put("transport", "shm")
                .put("address", address.toString()).put("mode", "sync");
        endpoint.await(endpoint.request(open).reply(), Duration.ofSeconds(20), "open");
        endpoint.request(json.createObjectNode().put("op", "receive"));
        if (args.length > 2 && args[2].equals("pause")) {
            Pause.of(endpoint.handle()); // and never resumed: the harness dies first
        }
        System.out.println(endpoint.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
