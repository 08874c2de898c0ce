package org.ipcspec.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which scenarios to run beyond tags, as Cucumber users expect: places in the spec
 * ({@code features/blocking.feature:8}, a whole file without a line) and a name pattern.
 *
 * @param places the files and lines; empty for every file
 * @param name   a regular expression found in the scenario's name, or null for any name
 */
public record ScenarioSelection(List<Place> places, Pattern name) {

    public static final ScenarioSelection ALL = new ScenarioSelection(List.of(), null);

    public ScenarioSelection {
        places = List.copyOf(places);
    }

    public boolean isAll() {
        return places.isEmpty() && name == null;
    }

    /**
     * Parses what a person types: {@code FILE}, {@code FILE:LINE} or {@code FILE:LINE:LINE...}
     * (Cucumber's form), each file relative to the working folder; and a name pattern or null.
     */
    public static ScenarioSelection parse(List<String> places, String name) {
        List<Place> parsed = new ArrayList<>();
        for (String place : places) {
            parsed.add(Place.parse(place));
        }
        Pattern pattern = null;
        if (name != null) {
            try {
                pattern = Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--name is not a regular expression: " + e.getDescription() + " in '" + name + "'");
            }
        }
        return new ScenarioSelection(parsed, pattern);
    }

    /**
     * A feature file and the lines picked in it: a scenario's line, an outline's line (all its
     * examples), an examples table's line, or one example's row.
     *
     * @param file  absolute and normalized
     * @param lines empty for the whole file
     */
    public record Place(Path file, Set<Integer> lines) {

        public Place {
            file = file.toAbsolutePath().normalize();
            lines = Set.copyOf(lines);
        }

        static Place parse(String text) {
            String[] parts = text.split(":");
            Set<Integer> lines = new TreeSet<>();
            int end = parts.length;
            // Trailing ":8:20" are lines; anything before is the path (which may itself hold a colon).
            while (end > 1 && parts[end - 1].matches("\\d+")) {
                lines.add(Integer.parseInt(parts[end - 1]));
                end--;
            }
            if (end == parts.length && text.matches(".*:[^/]*")) {
                throw new IllegalArgumentException("a scenario is picked as FILE:LINE, e.g. features/blocking.feature:8: got '" + text + "'");
            }
            String typed = String.join(":", java.util.Arrays.copyOf(parts, end));
            Path file = org.ipcspec.harness.scenario.SpecLocation.file(typed);
            if (!file.toString().endsWith(".feature")) {
                throw new IllegalArgumentException("not a feature file: '" + text + "' (a scenario is picked as FILE:LINE, e.g. features/blocking.feature:8)");
            }
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no feature file at " + file.toAbsolutePath().normalize() + " (from '" + text + "')");
            }
            return new Place(file, taggedLines(file, lines));
        }

        /**
         * A line of tags (or a comment) above a scenario, an outline or an examples table picks
         * what it tags: people copy the first line of a block, and "blocking.feature:8" should not
         * pick nothing because the keyword is on line 9.
         */
        static Set<Integer> taggedLines(Path file, Set<Integer> lines) {
            if (lines.isEmpty()) {
                return lines;
            }
            List<String> text;
            try {
                text = java.nio.file.Files.readAllLines(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
            Set<Integer> moved = new TreeSet<>();
            for (int line : lines) {
                int at = line;
                while (at >= 1 && at <= text.size() && isTagOrComment(text.get(at - 1))) {
                    at++;
                }
                moved.add(at);
            }
            return moved;
        }

        private static boolean isTagOrComment(String line) {
            String trimmed = line.strip();
            return trimmed.startsWith("@") || trimmed.startsWith("#");
        }

        /** Whether a location ("features/blocking.feature:31", relative to the working folder or absolute) is this place. */
        boolean holds(String location) {
            int colon = location.lastIndexOf(':');
            String path = location;
            Integer line = null;
            if (colon > 0 && location.substring(colon + 1).matches("\\d+")) {
                path = location.substring(0, colon);
                line = Integer.parseInt(location.substring(colon + 1));
            }
            if (!org.ipcspec.harness.scenario.SpecLocation.file(path).equals(file)) {
                return false;
            }
            return lines.isEmpty() || (line != null && lines.contains(line));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(Locations.relative(file));
            lines.forEach(l -> text.append(':').append(l));
            return text.toString();
        }
    }
}
