package org.ipcspec.harness.cli;

/**
 * Allure's command line cannot be had: it is not unpacked yet, not in the local Maven repository,
 * and there is no Maven to fetch it (a run from the jar on a machine without Maven). A run then
 * skips its HTML report, saying why; its results, JUnit XML, summary and matrix are all written.
 */
final class AllureUnavailable extends Exception {

    AllureUnavailable(String why) {
        super(why);
    }
}
