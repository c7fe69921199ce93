package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link SenderConstraints} (DPoP rules, nonces, replay cache) of each tenant, from its {@code dpop.*} keys, and
 * those that answer a request before its tenant is known (no token, an unknown issuer): the top-level
 * {@code oauth.jwt.dpop.*}, the default of every tenant. With one issuer both are the same.
 */
public final class TenantBindings implements AutoCloseable {

    private final Map<String, SenderConstraints> byTenant = new LinkedHashMap<>();
    private final SenderConstraints beforeSelection;
    private final boolean acceptsDpop;

    /**
     * @param tenants the validated tenants
     * @param application the top-level sender-constraint configuration
     * @param clock the clock
     * @return sender constraints for every tenant, each with the replay cache its configuration names (in memory,
     *     or a shared JCache cache); in memory before the tenant is known
     */
    public static TenantBindings create(Tenants tenants, SenderConstraintConfig application, Clock clock) {
        return new TenantBindings(tenants, application, clock);
    }

    private TenantBindings(Tenants tenants, SenderConstraintConfig application, Clock clock) {
        boolean dpop = false;
        for (Tenant tenant : tenants.all()) {
            SenderConstraints constraints = SenderConstraints.create(
                    tenant.senderConstraints(), tenant.config().clockSkew(), clock);
            byTenant.put(tenant.name(), constraints);
            dpop |= constraints.dpopMode() != DpopMode.DISABLED;
        }
        this.beforeSelection = tenants.named()
                ? SenderConstraints.inMemory(
                        application, tenants.all().get(0).config().clockSkew(), clock)
                : byTenant.get(Tenant.SINGLE);
        this.acceptsDpop = dpop;
    }

    /**
     * @param tenant a configured tenant
     * @return its sender constraints
     */
    public SenderConstraints of(Tenant tenant) {
        return byTenant.get(tenant.name());
    }

    /** @return the sender constraints of a request whose tenant is not known (yet) */
    public SenderConstraints beforeSelection() {
        return beforeSelection;
    }

    /**
     * Prepares the replay caches when the application starts.
     *
     * @throws dev.oauthjwt.jaxrs.config.InvalidConfigurationException when a shared cache is configured wrongly
     */
    public void open() {
        byTenant.values().forEach(SenderConstraints::open);
    }

    /** Releases the replay caches' threads. */
    @Override
    public void close() {
        byTenant.values().forEach(SenderConstraints::close);
        if (!byTenant.containsValue(beforeSelection)) {
            beforeSelection.close();
        }
    }

    /** @return whether some tenant accepts the {@code DPoP} scheme */
    public boolean acceptsDpop() {
        return acceptsDpop;
    }
}
