package org.ipcspec.endpoint;

/**
 * A call that came after the end-of-input close released the endpoint's ends: the operation
 * ran and found its channel closed, so the reply is {@code ok:true} with status {@code closed}
 * (docs/protocol.md#send, docs/protocol.md#receive), not a protocol-level refusal.
 */
final class ClosingException extends Exception {

    ClosingException(String message) {
        super(message, null, false, false);
    }
}
