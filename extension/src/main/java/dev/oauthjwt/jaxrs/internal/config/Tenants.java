package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The issuers the application trusts: the tenants of {@code oauth.jwt.tenants}, each read under
 * {@code oauth.jwt.tenant.<name>.} with fallback to the top-level keys, or the one issuer of the top-level keys. Each
 * tenant names its own issuer (no fallback for {@code issuer}), and no two tenants share one, so the token's
 * {@code iss} selects at most one tenant.
 *
 * <p>What belongs to the application rather than to an issuer is read from the top-level keys only, and set under a
 * tenant it fails the deployment: the challenge's {@code realm}, the RFC 9728 {@code resource}, the audit rate limit,
 * the decryption keys of encrypted tokens (the keys of this API, whoever issued the token inside) and introspection
 * (an opaque token names no issuer, so it cannot select a tenant).
 *
 * @param all the tenants, in configuration order; never empty
 * @param realm the realm of every challenge
 * @param resource the resource identifier of the application
 * @param auditRateLimit most audit lines per second and refusal reason
 */
public record Tenants(List<Tenant> all, Optional<String> realm, Optional<URI> resource, int auditRateLimit) {

    /** The settings that belong to the application, never to one tenant. */
    private static final Set<Setting<?>> APPLICATION_WIDE = Set.of(
            Settings.REALM,
            Settings.RESOURCE,
            Settings.AUDIT_RATE_LIMIT,
            Settings.TENANTS,
            Settings.TENANT,
            Settings.DECRYPTION_KEYS,
            Settings.DECRYPTION_ALGORITHMS,
            Settings.DECRYPTION_ENCRYPTION_METHODS,
            Settings.INTROSPECTION_MODE,
            Settings.INTROSPECTION_ENDPOINT,
            Settings.INTROSPECTION_CLIENT_ID,
            Settings.INTROSPECTION_CLIENT_SECRET,
            Settings.INTROSPECTION_CACHE_TTL,
            Settings.INTROSPECTION_MAX_RATE,
            Settings.INTROSPECTION_TIMEOUT);

    public Tenants {
        all = List.copyOf(all);
    }

    /**
     * @param config the application's MicroProfile Config
     * @return the validated tenants
     * @throws InvalidConfigurationException naming the key when a tenant is misconfigured
     */
    public static Tenants from(Config config) {
        ConfigReader top = new ConfigReader(config);
        Set<String> names = top.read(Settings.TENANTS);
        if (names.isEmpty()) {
            OAuthJwtConfig single = OAuthJwtConfig.from(top);
            Tenant tenant = new Tenant(Tenant.SINGLE, single, SenderConstraintConfig.from(top));
            return new Tenants(List.of(tenant), single.realm(), single.resource(), single.auditRateLimit());
        }
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new InvalidConfigurationException(
                        OAuthJwtConfigKeys.TENANTS,
                        "contains a name other than letters, digits, '-' and '_' (at most 64 characters)");
            }
        }
        checkTenantKeys(config, names);
        Map<String, String> tenantOfIssuer = new LinkedHashMap<>();
        List<Tenant> tenants = new ArrayList<>();
        for (String name : names) {
            ConfigReader reader = new ConfigReader(config, prefixOf(name));
            String issuerKey = prefixOf(name) + Settings.ISSUER.name();
            if (!reader.keyOf(Settings.ISSUER).equals(issuerKey)
                    || config.getOptionalValue(issuerKey, String.class)
                            .filter(v -> !v.isBlank())
                            .isEmpty()) {
                throw new InvalidConfigurationException(
                        issuerKey, "is required but not set (each tenant names its own issuer)");
            }
            OAuthJwtConfig tenant = OAuthJwtConfig.from(reader);
            String other = tenantOfIssuer.putIfAbsent(tenant.issuer(), name);
            if (other != null) {
                throw new InvalidConfigurationException(issuerKey, "is the issuer of tenant " + other + " too");
            }
            tenants.add(new Tenant(name, tenant, SenderConstraintConfig.from(reader)));
        }
        if (!top.read(Settings.INTROSPECTION_MODE).equalsIgnoreCase("off")) {
            throw new InvalidConfigurationException(
                    OAuthJwtConfigKeys.INTROSPECTION_MODE,
                    "cannot be combined with " + OAuthJwtConfigKeys.TENANTS
                            + ": an opaque token names no issuer to select a tenant");
        }
        OAuthJwtConfig first = tenants.get(0).config();
        return new Tenants(tenants, first.realm(), first.resource(), first.auditRateLimit());
    }

    /**
     * @param config the application's MicroProfile Config
     * @param tenant a tenant
     * @return where the tenant reads its keys: under its prefix, falling back to the top level
     */
    public static ConfigReader readerOf(Config config, Tenant tenant) {
        return tenant.name().equals(Tenant.SINGLE)
                ? new ConfigReader(config)
                : new ConfigReader(config, prefixOf(tenant.name()));
    }

    /** @return {@code oauth.jwt.tenant.<name>.} */
    static String prefixOf(String name) {
        return OAuthJwtConfigKeys.TENANT_PREFIX + name + ".";
    }

    /**
     * Every {@code oauth.jwt.tenant.*} key must belong to a listed tenant and name a per-issuer setting: a typo, a
     * tenant missing from {@code oauth.jwt.tenants} or an application-wide key under a tenant would otherwise be
     * ignored silently.
     */
    private static void checkTenantKeys(Config config, Set<String> names) {
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(OAuthJwtConfigKeys.TENANT_PREFIX)) {
                continue;
            }
            String rest = key.substring(OAuthJwtConfigKeys.TENANT_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0 || !names.contains(rest.substring(0, dot))) {
                throw new InvalidConfigurationException(
                        key, "belongs to no tenant listed in " + OAuthJwtConfigKeys.TENANTS);
            }
            String setting = rest.substring(dot + 1);
            if (!isPerTenant(setting)) {
                throw new InvalidConfigurationException(
                        key, "is not a per-issuer key; set oauth.jwt." + setting + " for the whole application");
            }
        }
    }

    private static boolean isPerTenant(String name) {
        for (Setting<?> setting : Settings.all()) {
            boolean matches = setting.isFamily() ? name.startsWith(setting.name()) : name.equals(setting.name());
            if (matches) {
                return !APPLICATION_WIDE.contains(setting);
            }
        }
        return false;
    }

    /** @return the issuers of all tenants, in configuration order */
    public List<String> issuers() {
        return all.stream().map(tenant -> tenant.config().issuer()).toList();
    }

    /** @return the names of the tenants; a single {@link Tenant#SINGLE} without {@code oauth.jwt.tenants} */
    public List<String> names() {
        return all.stream().map(Tenant::name).toList();
    }

    /** @return whether several issuers are configured ({@code oauth.jwt.tenants} is set) */
    public boolean named() {
        return !all.get(0).name().equals(Tenant.SINGLE);
    }

    /**
     * @param basePath the raw path of the Jakarta REST application's base URI
     * @return the metadata URL (see {@link OAuthJwtConfig#resourceMetadataUrl}), when a resource is configured
     */
    public Optional<String> resourceMetadataUrl(String basePath) {
        return all.get(0).config().resourceMetadataUrl(basePath);
    }
}
