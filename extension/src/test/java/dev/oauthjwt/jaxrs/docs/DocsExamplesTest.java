package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.config.ClaimPath;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Setting;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The configuration and server files shown on the documentation site (included from {@code src/test/resources/docs}
 * by the snippet macro) are valid: the properties pass the extension's own validation, the "defaults" they show are
 * the real defaults, and the Open Liberty features are the ones the extension needs.
 */
class DocsExamplesTest {

    @Test
    void documentedConfigurationIsAcceptedByTheExtension() throws IOException {
        OAuthJwtConfig config = OAuthJwtConfig.from(configOf(docsProperties()));

        assertThat(config.issuer()).isEqualTo("https://login.example.com/realms/demo");
        assertThat(config.audiences()).containsExactly("orders-api");
        assertThat(config.scopes()).containsExactly("orders");
        assertThat(config.claimRules()).hasSize(1);
        assertThat(config.requiredClaims()).containsExactly("client_id", "jti");
        assertThat(config.realm()).contains("orders");
    }

    @Test
    void documentedTuningValuesAreTheDefaults() throws IOException {
        Properties all = docsProperties();
        Properties minimal = new Properties();
        for (String key : List.of("oauth.jwt.jwks-uri", "oauth.jwt.issuer", "oauth.jwt.audience")) {
            minimal.setProperty(key, all.getProperty(key));
        }
        OAuthJwtConfig documented = OAuthJwtConfig.from(configOf(all));
        OAuthJwtConfig defaults = OAuthJwtConfig.from(configOf(minimal));

        assertThat(documented.algorithms()).isEqualTo(defaults.algorithms());
        assertThat(documented.clockSkew()).isEqualTo(defaults.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(documented.rolesClaims()).isEqualTo(defaults.rolesClaims()).containsExactly(ClaimPath.of("groups"));
        assertThat(documented.principalClaim())
                .isEqualTo(defaults.principalClaim())
                .isEqualTo("sub");
        assertThat(documented.jwksRefreshInterval())
                .isEqualTo(defaults.jwksRefreshInterval())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(documented.jwksMinRefreshInterval())
                .isEqualTo(defaults.jwksMinRefreshInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(documented.jwksTimeout()).isEqualTo(defaults.jwksTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(documented.jwksStaleIfError())
                .isEqualTo(defaults.jwksStaleIfError())
                .isEqualTo(Duration.ofHours(24));
        assertThat(defaults.scopes()).isEmpty();
        assertThat(defaults.claimRules()).isEmpty();
        assertThat(defaults.requiredClaims()).isEmpty();
        assertThat(defaults.realm()).isEmpty();
    }

    @Test
    void everyDocumentedTuningValueIsTheDefaultOfItsSetting() throws IOException {
        String file = resource("docs/microprofile-config.properties");
        Properties tuning = new Properties();
        tuning.load(new java.io.StringReader(between(file, "(these are the defaults)", "# END SNIPPET: optional")));
        assertThat(tuning.stringPropertyNames())
                .as("tuning keys shown as defaults")
                .hasSizeGreaterThan(8);
        ConfigReader reader = new ConfigReader(configOf(tuning));
        for (String key : tuning.stringPropertyNames()) {
            Setting<?> setting = Settings.byKey(key).orElseThrow(() -> new AssertionError("no setting " + key));
            assertThat((Object) reader.read(setting))
                    .as("documented default of %s", key)
                    .isEqualTo(setting.defaultValue());
        }
    }

    @Test
    void documentedLibertyServerEnablesTheNeededFeaturesAndNotMpJwt() throws IOException {
        String serverXml = resource("docs/liberty-server.xml");
        String features =
                serverXml.substring(serverXml.indexOf("<featureManager>"), serverXml.indexOf("</featureManager>"));

        assertThat(features)
                .contains(
                        "<feature>restfulWS-3.1</feature>",
                        "<feature>cdi-4.0</feature>",
                        "<feature>mpConfig-3.1</feature>");
        assertThat(features.replaceAll("<!--.*?-->", "")).doesNotContainIgnoringCase("mpJwt");
    }

    @Test
    void readmeResourceExampleIsTheCompiledOne() throws IOException {
        String source = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/java/com/example/orders/DataResource.java"));
        String snippet = between(source, "// START SNIPPET: resource", "// END SNIPPET: resource");
        String compiledClass = snippet.substring(snippet.indexOf("@Path(")).strip();

        String readme = java.nio.file.Files.readString(ConfigurationReferenceTest.README);
        String readmeJava = between(readme, "```java", "```").strip();

        assertThat(readmeJava)
                .as("the README's Java example (without imports) is DataResource.java's snippet")
                .isEqualTo(compiledClass);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker " + start).isNotNegative();
        from += start.length();
        int to = text.indexOf(end, from);
        assertThat(to).as("marker " + end).isNotNegative();
        return text.substring(from, to);
    }

    private static Properties docsProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                DocsExamplesTest.class.getClassLoader().getResourceAsStream("docs/microprofile-config.properties")) {
            assertThat(in)
                    .as("docs/microprofile-config.properties on the test class path")
                    .isNotNull();
            properties.load(in);
        }
        return properties;
    }

    private static Config configOf(Properties properties) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(map, "docs-example", 100))
                .build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocsExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
