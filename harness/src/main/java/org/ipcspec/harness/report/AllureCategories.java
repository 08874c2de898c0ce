package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.spec.Rule;

/**
 * Writes Allure 2's {@code categories.json}, which sorts failing results into categories that
 * keep "the implementation broke a rule" apart from "the run could not be judged".
 *
 * <p>Allure takes the first category, in file order, whose {@code matchedStatuses} holds the
 * result's status and whose {@code messageRegex} matches the whole status message
 * ({@code String.matches}, so each regex starts with {@code (?s)} to let {@code .} span the lines
 * of a multi-line message). The categories, in order:
 * <ol>
 *   <li>"Conformance failures": status failed, message
 *       {@value #RULE_VIOLATION_REGEX}: a rule id of docs/protocol.md#rules (or THROUGHPUT,
 *       LATENCY, PROTOCOL) as a whole word, and later the word "violated", e.g.
 *       {@code "S1 violated: send #2 ended ok before any receive began"}. Checkers should word
 *       their failures that way. A failure worded otherwise falls to Allure's default
 *       "Product defects".</li>
 *   <li>"Waived (known failures)": status skipped, message starting {@code "waived ("}: a broken
 *       rule the profile's waivers expect ({@link AllureWaivers} marks them after the run).</li>
 *   <li>"Unexpected passes (a waiver to remove)": status passed, message starting
 *       {@code "unexpected pass: "}.</li>
 *   <li>"Unsupported by the implementation": status skipped (a scenario the implementation's
 *       profile does not claim is skipped, not failed).</li>
 *   <li>"Errors in the spec": status broken, message starting {@code "spec error: "}: the
 *       scenario, not the implementation, is wrong.</li>
 *   <li>"Implementation broken (crash, no hello, garbage)": status broken, message
 *       {@value #ENDPOINT_BROKE_REGEX}, which matches the harness's EndpointBrokenException
 *       wording {@code "the sender endpoint (pid 123) broke: no hello within 5000 ms"}.</li>
 *   <li>"Harness or environment error": status broken, any message (no regex).</li>
 * </ol>
 */
public final class AllureCategories {

    public static final String FILE_NAME = "categories.json";
    public static final String RULE_VIOLATION_REGEX = "(?s).*\\b(" + String.join("|", Rule.ids()) + ")\\b.*violated.*";
    public static final String SPEC_ERROR_REGEX = "(?s)" + SpecError.PREFIX + ".*";
    public static final String WAIVED_REGEX = "(?s)waived \\(.*";
    public static final String UNEXPECTED_PASS_REGEX = "(?s)unexpected pass: .*";
    public static final String ENDPOINT_BROKE_REGEX = "(?s).*\\bendpoint\\b.*\\bbroke\\b.*";

    /** One entry of categories.json; a null regex is left out and then matches any message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String name, List<String> matchedStatuses, String messageRegex) {
    }

    private static final List<Category> CATEGORIES = List.of(
        new Category("Conformance failures", List.of("failed"), RULE_VIOLATION_REGEX),
        new Category("Waived (known failures)", List.of("skipped"), WAIVED_REGEX),
        new Category("Unexpected passes (a waiver to remove)", List.of("passed"), UNEXPECTED_PASS_REGEX),
        new Category("Unsupported by the implementation", List.of("skipped"), null),
        new Category("Errors in the spec", List.of("broken"), SPEC_ERROR_REGEX),
        new Category("Implementation broken (crash, no hello, garbage)", List.of("broken"), ENDPOINT_BROKE_REGEX),
        new Category("Harness or environment error", List.of("broken"), null));

    private AllureCategories() {
    }

    public static List<Category> categories() {
        return CATEGORIES;
    }

    public static String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(CATEGORIES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the categories", e);
        }
    }

    /** Writes {@code resultsDir/categories.json}. */
    public static Path write(Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(FILE_NAME);
        Files.writeString(file, json() + "\n");
        return file;
    }
}
