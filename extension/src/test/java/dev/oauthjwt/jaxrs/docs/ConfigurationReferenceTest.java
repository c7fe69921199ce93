package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.Setting;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documented configuration and the code identical: the site's configuration reference and the README list
 * exactly the keys of {@link OAuthJwtConfigKeys}, each with its environment-variable form, and state the type, default
 * and bounds of its {@link Settings} entry (the README also its meaning); the Javadoc of each key constant states the
 * same default and bounds. Editing a default or a bound by hand in any of these places fails the build.
 *
 * <p>A constant whose value ends with {@code .} is a key family ({@code oauth.jwt.claims.} is documented as
 * {@code oauth.jwt.claims.<name>}); {@link OAuthJwtConfigKeys#PREFIX} itself is not a key.
 */
class ConfigurationReferenceTest {

    /** Surefire runs with the module directory as working directory; the site sources are next to it. */
    static final Path CONFIGURATION_PAGE = Path.of("..", "src-site", "markdown", "configuration.md");

    static final Path README = Path.of("..", "README.md");
    static final Path KEYS_SOURCE =
            Path.of("src", "main", "java", "dev", "oauthjwt", "jaxrs", "config", "OAuthJwtConfigKeys.java");

    /** A table row whose first cell is a key: {@code | `oauth.jwt.x` | … | `OAUTH_JWT_X` |}. */
    private static final Pattern KEY_ROW = Pattern.compile("(?m)^\\|\\s*`(oauth\\.jwt\\.[^`]+)`\\s*\\|(.*)\\|\\s*$");
    /** Any mention of a key in the text. */
    private static final Pattern KEY_MENTION = Pattern.compile("oauth\\.jwt\\.[a-z0-9<>._*-]*[a-z0-9>*]");

    @Test
    void configurationPageDocumentsExactlyTheKeysOfTheCode() throws IOException {
        assertDocumentsExactlyTheKeysOfTheCode(CONFIGURATION_PAGE);
    }

    @Test
    void readmeDocumentsExactlyTheKeysOfTheCode() throws IOException {
        assertDocumentsExactlyTheKeysOfTheCode(README);
    }

    @Test
    void configurationPageMentionsNoKeyThatTheCodeDoesNotHave() throws IOException {
        assertMentionsOnlyKnownKeys(CONFIGURATION_PAGE);
    }

    @Test
    void otherSitePagesMentionNoKeyThatTheCodeDoesNotHave() throws IOException {
        try (var pages = Files.list(CONFIGURATION_PAGE.getParent())) {
            List<Path> others = pages.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.equals(CONFIGURATION_PAGE))
                    .toList();
            for (Path page : others) {
                assertMentionsOnlyKnownKeys(page);
            }
        }
    }

    @Test
    void everyKeyConstantHasASettingAndEverySettingAKeyConstant() {
        List<String> settingKeys = Settings.all().stream()
                .map(ConfigurationReferenceTest::documentedKey)
                .toList();
        assertThat(settingKeys)
                .as("keys of the Settings catalogue against the constants of OAuthJwtConfigKeys")
                .containsExactlyInAnyOrderElementsOf(codeKeys().keySet());
    }

    @Test
    void configurationPageStatesTheTypeDefaultAndBoundsOfEverySetting() throws IOException {
        Map<String, Map<String, String>> rows = KeyTable.rows(read(CONFIGURATION_PAGE), CONFIGURATION_PAGE.toString());
        List<String> wrong = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            Map<String, String> row = rows.get(documentedKey(setting));
            checkCell(wrong, setting, "Type", row.get("Type"), setting.type().documentedAs());
            checkDefault(wrong, setting, row.get("Default"));
            Optional<String> bounds = DocumentedSetting.bounds(setting);
            if (bounds.isPresent() && !DocumentedSetting.startsWith(row.get("Allowed values"), bounds.get())) {
                wrong.add(setting + ": 'Allowed values' is '" + row.get("Allowed values") + "', must start with '"
                        + bounds.get() + "'");
            }
        }
        assertThat(wrong)
                .as("cells of the table in %s that disagree with Settings", CONFIGURATION_PAGE)
                .isEmpty();
    }

    @Test
    void readmeStatesTheDefaultBoundsAndMeaningOfEverySetting() throws IOException {
        Map<String, Map<String, String>> rows = KeyTable.rows(read(README), README.toString());
        List<String> wrong = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            Map<String, String> row = rows.get(documentedKey(setting));
            checkDefault(wrong, setting, row.get("Default"));
            checkCell(
                    wrong,
                    setting,
                    "Range",
                    row.get("Range"),
                    DocumentedSetting.bounds(setting).orElse(""));
            if (!row.get("Meaning").equals(setting.meaning())) {
                wrong.add(setting + ": 'Meaning' is '" + row.get("Meaning") + "', Settings says '" + setting.meaning()
                        + "'");
            }
        }
        assertThat(wrong)
                .as("cells of the table in %s that disagree with Settings", README)
                .isEmpty();
    }

    @Test
    void keyConstantsJavadocStatesTheDefaultAndBoundsOfEverySetting() throws IOException {
        Map<String, String> javadoc = KeyConstantsJavadoc.byKey(read(KEYS_SOURCE));
        List<String> wrong = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            String doc = javadoc.getOrDefault(setting.key(), "");
            List<String> expected = new ArrayList<>();
            expected.add(
                    setting.isRequired()
                            ? "required"
                            : "default " + DocumentedSetting.defaults(setting).get(0));
            DocumentedSetting.bounds(setting).ifPresent(expected::add);
            for (String phrase : expected) {
                if (!DocumentedSetting.mentions(doc, phrase)) {
                    wrong.add(setting + ": Javadoc '" + DocumentedSetting.normalize(doc) + "' lacks '" + phrase + "'");
                }
            }
        }
        assertThat(wrong)
                .as("Javadoc of OAuthJwtConfigKeys that disagrees with Settings")
                .isEmpty();
    }

    @Test
    void configurationPageExplainsEverySingleValuedSettingInItsOwnSection() throws IOException {
        String page = read(CONFIGURATION_PAGE);
        for (Setting<?> setting :
                Settings.all().stream().filter(s -> !s.isFamily()).toList()) {
            assertThat(page)
                    .as("section of %s in %s", setting, CONFIGURATION_PAGE)
                    .contains("\n### " + documentedKey(setting) + "\n");
        }
    }

    private static void checkDefault(List<String> wrong, Setting<?> setting, String cell) {
        List<String> accepted = DocumentedSetting.defaults(setting);
        if (cell == null || !accepted.contains(DocumentedSetting.normalize(cell))) {
            wrong.add(setting + ": 'Default' is '" + cell + "', must be '" + accepted.get(0) + "'");
        }
    }

    private static void checkCell(List<String> wrong, Setting<?> setting, String column, String cell, String expected) {
        if (cell == null || !DocumentedSetting.normalize(cell).equals(DocumentedSetting.normalize(expected))) {
            wrong.add(setting + ": '" + column + "' is '" + cell + "', must be '" + expected + "'");
        }
    }

    /** A family's key as documented: {@code oauth.jwt.claims.<name>}. */
    private static String documentedKey(Setting<?> setting) {
        return setting.isFamily() ? setting.key() + "<name>" : setting.key();
    }

    private static void assertDocumentsExactlyTheKeysOfTheCode(Path page) throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = KEY_ROW.matcher(read(page));
        while (row.find()) {
            String[] cells = row.group(2).split("\\|");
            documented.put(
                    row.group(1), cells[cells.length - 1].replace("`", "").trim());
        }
        assertThat(documented.keySet())
                .as("keys in the table of %s (left) against the constants of OAuthJwtConfigKeys (right)", page)
                .isEqualTo(codeKeys().keySet());
        assertThat(documented)
                .as("environment-variable column (last column) of the table in %s", page)
                .isEqualTo(codeKeys());
    }

    private static void assertMentionsOnlyKnownKeys(Path page) throws IOException {
        TreeSet<String> unknown = new TreeSet<>();
        Matcher mention = KEY_MENTION.matcher(read(page));
        while (mention.find()) {
            if (!isKnown(mention.group())) {
                unknown.add(mention.group());
            }
        }
        assertThat(unknown)
                .as("oauth.jwt.* keys mentioned in %s that the code does not have", page)
                .isEmpty();
    }

    private static boolean isKnown(String mentioned) {
        if (mentioned.equals(OAuthJwtConfigKeys.PREFIX + "*")) {
            return true; // "all oauth.jwt.* keys"
        }
        for (String key : codeKeys().keySet()) {
            if (key.equals(mentioned)) {
                return true;
            }
            String family = key.endsWith("<name>") ? key.substring(0, key.length() - "<name>".length()) : null;
            if (family != null && mentioned.startsWith(family) && mentioned.length() > family.length()) {
                return true; // an instance of a family, e.g. oauth.jwt.claims.tenant
            }
        }
        return false;
    }

    /** @return every documented key of the code (families as {@code prefix<name>}) and its environment variable */
    static Map<String, String> codeKeys() {
        Map<String, String> keys = new TreeMap<>();
        for (Field field : OAuthJwtConfigKeys.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (!Modifier.isPublic(m) || !Modifier.isStatic(m) || field.getType() != String.class) {
                continue;
            }
            String value;
            try {
                value = (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            if (value.equals(OAuthJwtConfigKeys.PREFIX)) {
                continue;
            }
            if (value.endsWith(".")) {
                keys.put(value + "<name>", toEnv(value) + "<NAME>");
            } else {
                keys.put(value, toEnv(value));
            }
        }
        assertThat(keys).as("OAuthJwtConfigKeys constants found by reflection").hasSizeGreaterThan(10);
        return keys;
    }

    /** The MicroProfile Config environment-variable form: upper case, non-alphanumerics replaced by {@code _}. */
    static String toEnv(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String read(Path page) throws IOException {
        assertThat(page)
                .as("documentation file (path relative to the extension module)")
                .isRegularFile();
        return Files.readString(page, StandardCharsets.UTF_8);
    }
}
