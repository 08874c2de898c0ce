package org.ipcspec.channel.shm;

/**
 * Is the process that wrote a PID into the shared header still alive? Used to steal the writer
 * lock and sender slots from processes that died holding them. A PID the kernel has since given
 * to another process looks alive: the lock or slot then stays taken (see the wire-format doc).
 */
final class ProcessLiveness {

    static final long CURRENT_PID = ProcessHandle.current().pid();

    private ProcessLiveness() {
    }

    static boolean isAlive(long pid) {
        if (pid == CURRENT_PID) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
