package dev.oauthjwt.jaxrs.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings catalogue as data, and reading it under a tenant's prefix with fallback to the top-level keys. */
class SettingsTest {

    private static final String TENANT = "oauth.jwt.tenant.acme.";

    @Test
    void everyDefaultIsAValueTheSettingAccepts() {
        ConfigReader empty = new ConfigReader(TestConfig.of(Map.of()));
        for (Setting<?> setting : Settings.all()) {
            if (setting.isRequired() || setting.isFamily()) {
                continue;
            }
            assertThat((Object) empty.read(setting))
                    .as("value of unset %s", setting)
                    .isEqualTo(setting.defaultValue());
            setting.defaultText()
                    .ifPresent(text -> assertThat((Object) setting.valueOf(setting.key(), java.util.Optional.of(text)))
                            .as("default of %s read as a configured value", setting)
                            .isEqualTo(setting.defaultValue()));
        }
    }

    @Test
    void boundedSettingsHaveTheirDefaultBetweenTheBounds() {
        assertThat(Settings.CLOCK_SKEW.min()).isEqualTo(Duration.ZERO);
        assertThat(Settings.CLOCK_SKEW.max()).isEqualTo(Duration.ofMinutes(5));
        for (Setting<?> setting : Settings.all()) {
            if (setting.min() instanceof Duration min) {
                Duration value = (Duration) setting.defaultValue();
                assertThat(value).as("default of %s", setting).isBetween(min, (Duration) setting.max());
            } else if (setting.min() instanceof Integer min) {
                assertThat((Integer) setting.defaultValue())
                        .as("default of %s", setting)
                        .isBetween(min, (Integer) setting.max());
            }
        }
    }

    @Test
    void everySettingHasAOneLineMeaningThatFitsATableCell() {
        for (Setting<?> setting : Settings.all()) {
            assertThat(setting.meaning())
                    .as("meaning of %s", setting)
                    .isNotBlank()
                    .doesNotContain("|", "\n");
            assertThat(setting.type().documentedAs()).as("type of %s", setting).isNotBlank();
        }
    }

    @Test
    void findsASettingByItsKey() {
        assertThat(Settings.byKey("oauth.jwt.clock-skew")).containsSame(Settings.CLOCK_SKEW);
        assertThat(Settings.byKey("oauth.jwt.claims.")).containsSame(Settings.CLAIMS);
        assertThat(Settings.byKey("oauth.jwt.nothing")).isEmpty();
        assertThat(Settings.CLOCK_SKEW.name()).isEqualTo("clock-skew");
    }

    @Test
    void readsATenantKeyBeforeTheTopLevelKey() {
        ConfigReader tenant = tenantReader(Map.of("oauth.jwt.clock-skew", "10", TENANT + "clock-skew", "20"));
        assertThat(tenant.read(Settings.CLOCK_SKEW)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void fallsBackToTheTopLevelKeyThenToTheDefault() {
        ConfigReader tenant = tenantReader(Map.of("oauth.jwt.clock-skew", "10", TENANT + "roles-claim", " "));
        assertThat(tenant.read(Settings.CLOCK_SKEW)).isEqualTo(Duration.ofSeconds(10));
        assertThat(tenant.read(Settings.ROLES_CLAIM))
                .as("blank tenant value counts as unset")
                .containsExactly(ClaimPath.of("groups"));
        assertThat(tenant.read(Settings.SCOPE)).isEmpty();
    }

    @Test
    void namesTheTenantKeyWhenARequiredSettingIsSetNowhere() {
        assertThatThrownBy(() -> tenantReader(Map.of()).read(Settings.ISSUER))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith(TENANT + "issuer is required but not set");
    }

    @Test
    void namesTheKeyTheInvalidValueWasReadFrom() {
        assertThatThrownBy(() ->
                        tenantReader(Map.of(TENANT + "clock-skew", "PT6M")).read(Settings.CLOCK_SKEW))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo(TENANT + "clock-skew"))
                .hasMessageContaining("must be between 0 s and 300 s");
        assertThatThrownBy(
                        () -> tenantReader(Map.of("oauth.jwt.clock-skew", "-1")).read(Settings.CLOCK_SKEW))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("oauth.jwt.clock-skew"));
    }

    @Test
    void readsAWholeConfigurationUnderATenantPrefix() {
        Map<String, String> values = OAuthJwtConfigTest.minimal();
        values.put(TENANT + "issuer", "https://acme.example.test");
        values.put(TENANT + "jwks.timeout", "PT2S");
        OAuthJwtConfig acme = OAuthJwtConfig.from(tenantReader(values));
        assertThat(acme.issuer()).isEqualTo("https://acme.example.test");
        assertThat(acme.jwksTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(acme.audiences()).as("inherited").containsExactly("api");
        assertThat(acme.jwksUri()).as("inherited").contains(java.net.URI.create("https://as.example.test/jwks"));
        assertThat(OAuthJwtConfig.from(TestConfig.of(values)).issuer())
                .as("top level")
                .isEqualTo("https://as.example.test");
    }

    @Test
    void tenantClaimRuleReplacesTheTopLevelRuleForTheSameClaimOnly() {
        ConfigReader tenant = tenantReader(Map.of(
                "oauth.jwt.claims.tenant",
                "top",
                "oauth.jwt.claims.role",
                "user",
                TENANT + "claims.tenant",
                "acme",
                "OAUTH_JWT_TENANT_ACME_CLAIMS_LEVEL",
                "gold"));
        assertThat(tenant.claimRules(Settings.CLAIMS))
                .containsExactly(
                        new ClaimRule("level", "gold"), new ClaimRule("role", "user"), new ClaimRule("tenant", "acme"));
        assertThat(new ConfigReader(TestConfig.of(
                                Map.of("oauth.jwt.claims.tenant", "top", TENANT + "claims.tenant", "acme")))
                        .claimRules(Settings.CLAIMS))
                .as("top level ignores tenant rules")
                .containsExactly(new ClaimRule("tenant", "top"));
    }

    @Test
    void refusesToReadAKeyFamilyAsOneValueOrAPrefixOutsideTheExtension() {
        ConfigReader reader = new ConfigReader(TestConfig.of(Map.of()));
        assertThatThrownBy(() -> reader.read(Settings.CLAIMS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigReader(TestConfig.of(Map.of()), "mp.jwt."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigReader(TestConfig.of(Map.of()), "oauth.jwt.tenant.acme"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String keyOf(Throwable e) {
        return ((InvalidConfigurationException) e).getKey();
    }

    private static ConfigReader tenantReader(Map<String, String> values) {
        return new ConfigReader(TestConfig.of(values), TENANT);
    }
}
