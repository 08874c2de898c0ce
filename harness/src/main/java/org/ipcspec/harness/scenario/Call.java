package org.ipcspec.harness.scenario;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the harness made and whose reply may not have come yet: a blocking call is started by
 * one step and judged by a later one.
 *
 * @param what      how a person would name it: "send of message 3", "receive"
 * @param id        the request's id
 * @param request   the request as written
 * @param sentNanos harness time when it was written
 * @param reply     completes with the reply line
 */
public record Call(String what, long id, ObjectNode request, long sentNanos, CompletableFuture<ObjectNode> reply) {

    public String op() {
        return request.path("op").asText();
    }

    public boolean isSend() {
        return op().equals("send");
    }
}
