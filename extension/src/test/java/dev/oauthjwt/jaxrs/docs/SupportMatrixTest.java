package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The published support matrix (site page and README, between the {@code support-matrix} markers) says what the
 * it-tests do: each cell is "not tested" or "tested in CI" by it-test classes that run the contract on that server
 * ({@code @Servers.RunOn} kind) and that Java column ({@code Servers.Kind}'s {@code Matrix}), and every contract
 * class of the it-tests is named by a cell.
 */
class SupportMatrixTest {

    static final Path SITE_PAGE = Path.of("..", "src-site", "markdown", "supported-platforms.md");
    static final Path README = Path.of("..", "README.md");
    static final Path IT_SOURCES = Path.of("..", "it-tests", "src", "test", "java", "dev", "oauthjwt", "it");

    private static final String HEADER = "| Jakarta EE | Server | Java 17 | Java 21 | Java 25 |";
    /** Which {@code Matrix} of the it-tests runs each Java column (none runs Java 21). */
    private static final Map<String, String> MATRIX_OF_COLUMN = Map.of("Java 17", "EE10", "Java 25", "JAVA25");

    private static final Pattern TESTED = Pattern.compile("tested in CI \\(((?:`\\w+IT`(?:, )?)+)\\)");
    private static final Pattern CONTRACT_CLASS = Pattern.compile(
            "(?m)^class (\\w+IT) extends (?:SecuredApiContract|DpopContract|KeycloakInteropContract) \\{");
    private static final Pattern RUN_ON = Pattern.compile("@Servers\\.RunOn\\(Servers\\.Kind\\.(\\w+)\\)");
    private static final Pattern KIND = Pattern.compile("(?m)^\\s+([A-Z0-9_]+)\\(\"[^\"]+\", Matrix\\.(\\w+)\\)[,;]");

    @Test
    void readmeShowsTheMatrixOfTheSitePage() throws IOException {
        assertThat(matrix(README)).isEqualTo(matrix(SITE_PAGE));
    }

    @Test
    void testedCellsNameContractClassesOfTheirServerAndJavaAndEveryContractClassIsNamed() throws IOException {
        List<String> rows = matrix(SITE_PAGE).lines().toList();
        assertThat(rows.get(0)).isEqualTo(HEADER);
        String[] columns = HEADER.split("\\|");
        Map<String, String> matrixOfKind = kinds();
        Set<String> named = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String row : rows.subList(2, rows.size())) {
            String[] cells = row.split("\\|");
            assertThat(cells).as(row).hasSize(columns.length);
            String serverKind = cells[2].trim().startsWith("Payara Micro") ? "PAYARA_MICRO" : "OPEN_LIBERTY";
            for (int i = 3; i < cells.length; i++) {
                String cell = cells[i].trim();
                Matcher tested = TESTED.matcher(cell);
                if (cell.equals("not tested")) {
                    continue;
                } else if (!tested.matches()) {
                    problems.add(row + ": cell '" + cell + "' is neither 'not tested' nor 'tested in CI (`…IT`)'");
                    continue;
                }
                for (String className : tested.group(1).replace("`", "").split(", ")) {
                    named.add(className);
                    String kind = runOn(className);
                    if (kind == null || !kind.startsWith(serverKind)) {
                        problems.add(className + " does not run on " + cells[2].trim() + " (kind " + kind + ")");
                    } else if (!Objects.equals(matrixOfKind.get(kind), MATRIX_OF_COLUMN.get(columns[i].trim()))) {
                        problems.add(
                                className + " runs on Matrix." + matrixOfKind.get(kind) + ", not " + columns[i].trim());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(named).as("classes named by the matrix").isEqualTo(contractClasses());
    }

    /** @return the table between the support-matrix markers of {@code page} */
    private static String matrix(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- support-matrix: start -->");
        int end = text.indexOf("<!-- support-matrix: end -->");
        assertThat(start)
                .as("support-matrix markers in %s", page)
                .isNotNegative()
                .isLessThan(end);
        return text.substring(text.indexOf('\n', start) + 1, end).strip();
    }

    /** @return the {@code Servers.RunOn} kind of an it-test class, null if it has none or does not exist */
    private static String runOn(String className) throws IOException {
        Path source = IT_SOURCES.resolve(className + ".java");
        if (!Files.isRegularFile(source)) {
            return null;
        }
        Matcher m = RUN_ON.matcher(Files.readString(source, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    /** @return each {@code Servers.Kind} with the name of its {@code Matrix} */
    private static Map<String, String> kinds() throws IOException {
        Map<String, String> kinds = new HashMap<>();
        Matcher m = KIND.matcher(Files.readString(IT_SOURCES.resolve("Servers.java"), StandardCharsets.UTF_8));
        while (m.find()) {
            kinds.put(m.group(1), m.group(2));
        }
        assertThat(kinds).as("Servers.Kind constants").isNotEmpty();
        return kinds;
    }

    /** @return the it-test classes that run {@code SecuredApiContract}, {@code DpopContract} or the Keycloak one */
    private static Set<String> contractClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (var sources = Files.list(IT_SOURCES)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith("IT.java")).toList()) {
                Matcher m = CONTRACT_CLASS.matcher(Files.readString(source, StandardCharsets.UTF_8));
                if (m.find()) {
                    classes.add(m.group(1));
                }
            }
        }
        assertThat(classes).as("contract classes in %s", IT_SOURCES).isNotEmpty();
        return classes;
    }
}
