package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/** P1: what a channel creates on disk is readable and writable by its owner only (facts.files). */
final class PermissionCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.P1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        for (ObservedFile file : facts.files()) {
            f.checked();
            int mode = file.mode() & 0777;
            String what = (file.directory() ? "folder " : "file ") + file.path() + " has mode " + String.format("%04o", mode);
            if ((mode & 0077) != 0) {
                f.violation(what + "; channel artifacts must be owner-only (no group or other bits)");
            }
            int needed = file.directory() ? 0700 : 0600;
            if ((mode & needed) != needed) {
                f.violation(what + "; its owner needs " + String.format("%04o", needed));
            }
        }
        return f.verdict("no file system entries were observed");
    }
}
