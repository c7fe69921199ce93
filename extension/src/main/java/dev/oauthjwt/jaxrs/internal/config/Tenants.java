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
 * <p>The challenge's {@code realm} and the RFC 9728 {@code resource} are application-wide: read from the top-level
 * keys only.
 *
 * @param all the tenants, in configuration order; never empty
 * @param realm the realm of every challenge
 * @param resource the resource identifier of the application
 */
public record Tenants(List<Tenant> all, Optional<String> realm, Optional<URI> resource) {

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
            return new Tenants(List.of(new Tenant(Tenant.SINGLE, single)), single.realm(), single.resource());
        }
        Map<String, String> tenantOfIssuer = new LinkedHashMap<>();
        List<Tenant> tenants = new ArrayList<>();
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new InvalidConfigurationException(OAuthJwtConfigKeys.TENANTS,
                        "contains a name other than letters, digits, '-' and '_' (at most 64)");
            }
            String prefix = OAuthJwtConfigKeys.TENANT_PREFIX + name + ".";
            String issuerKey = prefix + Settings.ISSUER.name();
            if (config.getOptionalValue(issuerKey, String.class).filter(v -> !v.isBlank()).isEmpty()) {
                throw new InvalidConfigurationException(issuerKey, "is required but not set (each tenant names its "
                        + "own issuer)");
            }
            OAuthJwtConfig tenant = OAuthJwtConfig.from(new ConfigReader(config, prefix));
            String other = tenantOfIssuer.putIfAbsent(tenant.issuer(), name);
            if (other != null) {
                throw new InvalidConfigurationException(issuerKey, "is the issuer of tenant " + other + " too");
            }
            tenants.add(new Tenant(name, tenant));
        }
        return new Tenants(tenants, top.read(Settings.REALM), OAuthJwtConfig.resource(top));
    }

    /** @return the issuers of all tenants, in configuration order */
    public List<String> issuers() {
        return all.stream().map(tenant -> tenant.config().issuer()).toList();
    }

    /**
     * @param basePath the raw path of the Jakarta REST application's base URI
     * @return the metadata URL (see {@link OAuthJwtConfig#resourceMetadataUrl}), when a resource is configured
     */
    public Optional<String> resourceMetadataUrl(String basePath) {
        return resource.map(uri -> OAuthJwtConfig.metadataUrl(uri, basePath));
    }

    /** @return whether several issuers are configured ({@code oauth.jwt.tenants} is set) */
    public boolean named() {
        return !all.get(0).name().equals(Tenant.SINGLE);
    }

}
