package dev.oauthjwt.jaxrs.docs;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documented configuration keys and the code's keys identical: the site's configuration reference and the
 * README list exactly the keys of {@link OAuthJwtConfigKeys}, each with its environment-variable form.
 *
 * <p>A constant whose value ends with {@code .} is a key family ({@code oauth.jwt.claims.} is documented as
 * {@code oauth.jwt.claims.<name>}); {@link OAuthJwtConfigKeys#PREFIX} itself is not a key.
 */
class ConfigurationReferenceTest {

    /** Surefire runs with the module directory as working directory; the site sources are next to it. */
    static final Path CONFIGURATION_PAGE = Path.of("..", "src-site", "markdown", "configuration.md");
    static final Path README = Path.of("..", "README.md");

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
            for (Path page : pages.filter(p -> p.toString().endsWith(".md") && !p.equals(CONFIGURATION_PAGE)).toList()) {
                assertMentionsOnlyKnownKeys(page);
            }
        }
    }

    private static void assertDocumentsExactlyTheKeysOfTheCode(Path page) throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = KEY_ROW.matcher(read(page));
        while (row.find()) {
            String[] cells = row.group(2).split("\\|");
            documented.put(row.group(1), cells[cells.length - 1].replace("`", "").trim());
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
        assertThat(unknown).as("oauth.jwt.* keys mentioned in %s that the code does not have", page).isEmpty();
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
        assertThat(page).as("documentation file (path relative to the extension module)").isRegularFile();
        return Files.readString(page, StandardCharsets.UTF_8);
    }
}
