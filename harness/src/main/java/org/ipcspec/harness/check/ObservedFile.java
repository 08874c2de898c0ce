package org.ipcspec.harness.check;

/**
 * A file system entry a channel created, as the harness observed it (for P1).
 *
 * @param path      absolute path
 * @param directory whether it is a folder
 * @param mode      permission bits, e.g. 0600
 */
public record ObservedFile(String path, boolean directory, int mode) {
}
