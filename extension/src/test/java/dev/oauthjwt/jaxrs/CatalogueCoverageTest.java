package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the attack catalogue and the test suite in step: every case id of {@code shared/docs/attack-catalogue.md}
 * must be named by a test method or documented in the security policy table.
 *
 * <p><b>Naming convention.</b> A test method names the cases it covers with tokens {@code <section letter><id>}
 * ({@code A15}, {@code G123}) that stand at the start or the end of the method name or between underscores:
 * {@code A15_headerAndFormBodyToken_is400InvalidRequest}, {@code rejectsAnyCritHeader_C62_C63}. A range is written
 * {@code B23_to_B26}. The number is the case id; the letter is the catalogue section (a letter that does not match
 * the section is reported, not failed). Test sources of {@code extension} and {@code it-tests} are scanned.
 *
 * <p><b>Policy table.</b> {@code src-site/markdown/security-policy-table.md}: each row {@code | <id> | <section> |
 * <decision> | <reason> | ... |} documents a decision; a row counts as coverage.
 *
 * <p><b>Covered-cases list.</b> The same page lists every catalogue case id under {@code ## Catalogue cases covered},
 * so that a clone without the catalogue still documents (and this test still checks) what is covered.
 *
 * <p>The catalogue is read from {@code -Doauthjwt.catalogue=<path>} (which must then exist), else from
 * {@code ../../shared/docs/} relative to the {@code extension} directory: CI checks a read-only {@code shared/} out
 * next to the clone and enforces it; in a plain clone it is absent and the tests that need it are skipped.
 */
class CatalogueCoverageTest {

    private static final Logger LOG = Logger.getLogger(CatalogueCoverageTest.class.getName());

    private static final Pattern SECTION = Pattern.compile("^## ([A-H])\\.");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");
    private static final Pattern RANGE = Pattern.compile("(?:^|_)([A-H])(\\d+)_to_([A-H])(\\d+)(?=_|$)");
    private static final Pattern ID = Pattern.compile("(?:^|_)([A-H])(\\d+)(?=_|$)");
    private static final Pattern LISTED_ID = Pattern.compile("\\b([A-H])(\\d+)\\b");
    private static final String COVERED_HEADING = "## Catalogue cases covered";

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * @return the catalogue; fails when {@code -Doauthjwt.catalogue} names a missing file, skips the calling test when
     *     the default location is empty (a plain clone)
     */
    static Path catalogue() {
        String configured = System.getProperty("oauthjwt.catalogue");
        if (configured != null) {
            Path path = Path.of(configured);
            if (!Files.isRegularFile(path)) {
                fail("-Doauthjwt.catalogue names " + path + ", which is not a file.");
            }
            return path;
        }
        Path path = moduleDir().resolve("../../shared/docs/attack-catalogue.md").normalize();
        if (!Files.isRegularFile(path)) {
            String why = "Skipped: the attack catalogue is not at " + path + " (a plain clone has no shared/ beside "
                    + "it; CI has it and enforces this test). The covered case ids listed in "
                    + "src-site/markdown/security-policy-table.md are still checked against the tests. To run this "
                    + "test, pass -Doauthjwt.catalogue=<path to attack-catalogue.md>.";
            // Surefire prints skipped tests without their reason: say it on the console as well (JUL's console
            // handler shows INFO).
            LOG.info("[coverage] " + why);
            assumeTrue(false, why);
        }
        return path;
    }

    static Path policyTable() {
        return moduleDir()
                .resolve("../src-site/markdown/security-policy-table.md")
                .normalize();
    }

    /** @return case id → section letter, in catalogue order */
    static Map<Integer, String> catalogueIds(Path catalogue) throws IOException {
        Map<Integer, String> ids = new TreeMap<>();
        String section = null;
        for (String line : Files.readAllLines(catalogue, StandardCharsets.UTF_8)) {
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                section = s.group(1);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.find() && section != null) {
                ids.put(Integer.parseInt(row.group(1)), section);
            }
        }
        return ids;
    }

    /** @return case id → the test methods naming it (as {@code Class#method}) */
    static Map<Integer, List<String>> testedIds(Map<Integer, String> sections, List<String> warnings)
            throws IOException {
        Map<Integer, List<String>> tested = new TreeMap<>();
        Path root = moduleDir().getParent();
        for (Path sources : List.of(root.resolve("extension/src/test/java"), root.resolve("it-tests/src/test/java"))) {
            if (!Files.isDirectory(sources)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher method = METHOD.matcher(text);
                while (method.find()) {
                    String name = method.group(1);
                    String where = file.getFileName().toString().replace(".java", "") + "#" + name;
                    Matcher range = RANGE.matcher(name);
                    while (range.find()) {
                        for (int id = Integer.parseInt(range.group(2)); id <= Integer.parseInt(range.group(4)); id++) {
                            record(tested, sections, warnings, id, null, where);
                        }
                    }
                    Matcher single = ID.matcher(name);
                    while (single.find()) {
                        record(tested, sections, warnings, Integer.parseInt(single.group(2)), single.group(1), where);
                    }
                }
            }
        }
        return tested;
    }

    private static void record(
            Map<Integer, List<String>> tested,
            Map<Integer, String> sections,
            List<String> warnings,
            int id,
            String letter,
            String where) {
        tested.computeIfAbsent(id, k -> new ArrayList<>()).add(where);
        if (letter != null && sections.containsKey(id) && !sections.get(id).equals(letter)) {
            warnings.add(where + " names " + letter + id + ", but #" + id + " is in section " + sections.get(id));
        }
    }

    /** @return case id → section letter, as listed under {@code ## Catalogue cases covered} of the policy page */
    static Map<Integer, String> listedIds(Path table) throws IOException {
        Map<Integer, String> ids = new TreeMap<>();
        boolean inList = false;
        for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                inList = line.equals(COVERED_HEADING);
            } else if (inList && (line.startsWith("* ") || line.startsWith("  "))) {
                Matcher id = LISTED_ID.matcher(line);
                while (id.find()) {
                    ids.put(Integer.parseInt(id.group(2)), id.group(1));
                }
            }
        }
        return ids;
    }

    static Set<Integer> policyIds(Path table) throws IOException {
        Set<Integer> ids = new TreeSet<>();
        if (Files.isRegularFile(table)) {
            for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    ids.add(Integer.parseInt(row.group(1)));
                }
            }
        }
        return ids;
    }

    @Test
    void theSecurityPageListsEveryCatalogueCaseInItsSection() throws IOException {
        Map<Integer, String> catalogue = catalogueIds(catalogue());
        assertThat(catalogue).as("case ids parsed from the catalogue").hasSizeGreaterThan(100);
        Map<Integer, String> listed = listedIds(policyTable());
        assertThat(listed)
                .as("the case ids listed under '" + COVERED_HEADING + "' in " + policyTable()
                        + " (id → section); add the catalogue's new cases there")
                .containsAllEntriesOf(catalogue);
    }

    @Test
    void everyCaseListedOnTheSecurityPageIsNamedByATestOrDocumentedInThePolicyTable() throws IOException {
        assertCovered(listedIds(policyTable()), "the list under '" + COVERED_HEADING + "' in " + policyTable());
    }

    @Test
    void everyCatalogueCaseIsNamedByATestOrDocumentedInThePolicyTable() throws IOException {
        Map<Integer, String> catalogue = catalogueIds(catalogue());
        assertThat(catalogue).as("case ids parsed from the catalogue").hasSizeGreaterThan(100);
        assertCovered(catalogue, "the catalogue");
    }

    private static void assertCovered(Map<Integer, String> catalogue, String source) throws IOException {
        assertThat(catalogue).as("case ids of " + source).hasSizeGreaterThan(100);
        List<String> warnings = new ArrayList<>();
        Map<Integer, List<String>> tested = testedIds(catalogue, warnings);
        Set<Integer> policy = policyIds(policyTable());

        List<String> missing = new ArrayList<>();
        int byTest = 0;
        int byPolicyOnly = 0;
        for (Map.Entry<Integer, String> id : catalogue.entrySet()) {
            if (tested.containsKey(id.getKey())) {
                byTest++;
            } else if (policy.contains(id.getKey())) {
                byPolicyOnly++;
            } else {
                missing.add(id.getValue() + id.getKey());
            }
        }
        Set<Integer> unknownPolicyRows = new TreeSet<>(policy);
        unknownPolicyRows.removeAll(catalogue.keySet());
        warnings.forEach(w -> LOG.fine("[coverage] warning: " + w));
        LOG.fine(String.format(
                Locale.ROOT,
                "[coverage] %d cases of %s: %d named by tests, %d by the policy table only (%d policy rows in all)",
                catalogue.size(),
                source,
                byTest,
                byPolicyOnly,
                policy.size()));
        assertThat(missing)
                .as("cases neither named by a test method (e.g. A15_… or …_G123) nor documented " + "in "
                        + policyTable())
                .isEmpty();
        assertThat(unknownPolicyRows)
                .as("policy table rows naming ids that " + source + " does not have")
                .isEmpty();
    }

    @Test
    void theNamingConventionRecognisesSingleIdsListsAndRanges() {
        Map<Integer, String> sections = Map.of(15, "A", 23, "B", 24, "B", 25, "B", 26, "B", 62, "C", 63, "C", 123, "G");
        List<String> names = List.of(
                "A15_headerAndFormBodyToken_is400InvalidRequest",
                "rejectsAnyCritHeader_C62_C63",
                "rejectsWrongSegmentStructure_B23_to_B26",
                "floods_G123_andMore",
                "notAnIdA15x",
                "xA15_y");
        Map<Integer, List<String>> found = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (String name : names) {
            Matcher range = RANGE.matcher(name);
            while (range.find()) {
                for (int id = Integer.parseInt(range.group(2)); id <= Integer.parseInt(range.group(4)); id++) {
                    record(found, sections, warnings, id, null, name);
                }
            }
            Matcher single = ID.matcher(name);
            while (single.find()) {
                record(found, sections, warnings, Integer.parseInt(single.group(2)), single.group(1), name);
            }
        }
        assertThat(found).containsOnlyKeys(15, 23, 24, 25, 26, 62, 63, 123);
        assertThat(found.get(15)).containsExactly("A15_headerAndFormBodyToken_is400InvalidRequest");
        assertThat(warnings).isEmpty();
    }
}
