package org.ipcspec.harness.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Allure's {@code executor.json}: who ran the run. In CI, the build, from the usual environment
 * variables (GitHub Actions, GitLab CI, Jenkins, else any CI that sets {@code CI}); otherwise the
 * machine. Its {@code buildOrder} orders the points of the report's Trend.
 */
public final class AllureExecutor {

    public static final String FILE_NAME = "executor.json";

    private AllureExecutor() {
    }

    public static ObjectNode of(Map<String, String> env, String host, long now) {
        ObjectNode e = new ObjectMapper().createObjectNode();
        if (env.containsKey("GITHUB_ACTIONS")) {
            String run = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.getOrDefault("GITHUB_REPOSITORY", "")
                    + "/actions/runs/" + env.getOrDefault("GITHUB_RUN_ID", "");
            e.put("name", "GitHub Actions").put("type", "github").put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "workflow")
                    + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "?")).put("buildUrl", run);
            order(e, env.get("GITHUB_RUN_NUMBER"), now);
        } else if (env.containsKey("GITLAB_CI")) {
            e.put("name", "GitLab CI").put("type", "gitlab").put("buildName", env.getOrDefault("CI_JOB_NAME", "job")
                    + " #" + env.getOrDefault("CI_PIPELINE_IID", "?")).put("buildUrl", env.getOrDefault("CI_PIPELINE_URL", ""));
            order(e, env.get("CI_PIPELINE_IID"), now);
        } else if (env.containsKey("JENKINS_URL")) {
            e.put("name", "Jenkins").put("type", "jenkins").put("url", env.get("JENKINS_URL"))
                    .put("buildName", env.getOrDefault("JOB_NAME", "job") + " #" + env.getOrDefault("BUILD_NUMBER", "?"))
                    .put("buildUrl", env.getOrDefault("BUILD_URL", ""));
            order(e, env.get("BUILD_NUMBER"), now);
        } else if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            e.put("name", "CI").put("type", "ci").put("buildName", "CI run on " + host);
            order(e, null, now);
        } else {
            e.put("name", host).put("type", "local").put("buildName", "ipcspec run on " + host);
            order(e, null, now);
        }
        return e;
    }

    /** The CI's build number when it has one; else the time, which orders runs on one machine as well. */
    private static void order(ObjectNode e, String number, long now) {
        long order = now;
        if (number != null && number.matches("\\d{1,18}")) {
            order = Long.parseLong(number);
        }
        e.put("buildOrder", order);
    }

    public static Path write(Path results) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "this machine");
        }
        Files.createDirectories(results);
        Path file = results.resolve(FILE_NAME);
        Files.writeString(file, of(System.getenv(), host, System.currentTimeMillis() / 1000).toPrettyString() + "\n");
        return file;
    }
}
