package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.Secured;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.Settings;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
import dev.oauthjwt.jaxrs.internal.ops.AuditLog;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Binds a {@link BearerTokenFilter} (priority {@link Priorities#AUTHENTICATION}) to every resource method that is
 * {@link Secured}, directly or through its class, a superclass or an interface. The annotation, and the method's
 * {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}, are resolved once per method, at deployment: a
 * malformed or ambiguous rule fails it.
 */
@Provider
@ApplicationScoped
public class SecuredFeature implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(SecuredFeature.class.getName());

    @Inject
    Instance<IssuerRouter> validator;

    @Inject
    Instance<TenantBindings> senderConstraints;

    @Inject
    Instance<AccessTokenHolder> holder;

    @Inject
    Instance<SecuredScopes> securedScopes;

    @Inject
    Instance<AuditLog> audit;

    private final Supplier<OAuthJwtRuntime> runtime = OAuthJwtRuntime.lazily(this::lookup);

    /** Created by CDI or by the Jakarta REST runtime. */
    public SecuredFeature() {}

    /** The injected beans; without injection (a runtime that does not manage providers with CDI), CDI.current(). */
    private OAuthJwtRuntime lookup() {
        if (validator != null && senderConstraints != null && holder != null && audit != null) {
            return new OAuthJwtRuntime(
                    validator.get(),
                    senderConstraints.get(),
                    holder.get(),
                    audit.get(),
                    ServletClientAddress.lookup(),
                    ClientCertificates.lookup());
        }
        CDI<Object> cdi = CDI.current();
        return new OAuthJwtRuntime(
                cdi.select(IssuerRouter.class).get(),
                cdi.select(TenantBindings.class).get(),
                cdi.select(AccessTokenHolder.class).get(),
                cdi.select(AuditLog.class).get(),
                ServletClientAddress.lookup(),
                ClientCertificates.lookup());
    }

    private SecuredScopes registry() {
        return securedScopes != null
                ? securedScopes.get()
                : CDI.current().select(SecuredScopes.class).get();
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resourceClass = resourceInfo.getResourceClass();
        if (method == null || resourceClass == null) {
            return;
        }
        Secured secured = findAnnotation(resourceClass, method);
        if (secured == null) {
            warnIfRolesIgnored(resourceClass, method);
        } else {
            String where = resourceClass.getName() + "#" + method.getName();
            RoleRule roles = RoleAnnotations.resolve(resourceClass, method, where);
            EndpointRules rules = EndpointRules.of(secured, roles, where);
            checkTenants(rules.tenants(), where);
            registry().addAll(rules.scopes());
            context.register(new BearerTokenFilter(rules, where, runtime), Priorities.AUTHENTICATION);
        }
    }

    /**
     * A tenant of {@code @Secured(tenants)} that {@code oauth.jwt.tenants} does not list matches no token (one WAR may
     * run with several issuers in one place and one issuer in another): said once per method, at deployment.
     */
    private static void checkTenants(Set<String> tenants, String where) {
        if (tenants.isEmpty()) {
            return;
        }
        Set<String> configured = new ConfigReader(ConfigProvider.getConfig()).read(Settings.TENANTS);
        for (String tenant : tenants) {
            if (!configured.contains(tenant)) {
                LOG.warning(() -> "@Secured on " + where + " names tenant " + tenant + ", which "
                        + OAuthJwtConfigKeys.TENANTS + " does not list: no token is accepted there");
            }
        }
    }

    /**
     * {@code @RolesAllowed} or {@code @DenyAll} without {@code @Secured} is left to the server (which may ignore it, as
     * Open Liberty without {@code appSecurity} does): say so, once per method, at deployment.
     */
    private static void warnIfRolesIgnored(Class<?> resourceClass, Method method) {
        String where = resourceClass.getName() + "#" + method.getName();
        RoleRule.Kind kind;
        try {
            kind = RoleAnnotations.resolve(resourceClass, method, where).kind();
        } catch (IllegalStateException ambiguous) {
            kind = RoleRule.Kind.ROLES_ALLOWED;
        }
        if (kind == RoleRule.Kind.ROLES_ALLOWED || kind == RoleRule.Kind.DENY_ALL) {
            LOG.warning(() -> "Resource method " + where + " has @RolesAllowed or @DenyAll but is not @Secured: "
                    + "the OAuth JWT extension does not enforce them there");
        }
    }

    /** The method's own annotation wins, then the same method up the hierarchy, then the class (see AnnotationLookup). */
    static Secured findAnnotation(Class<?> resourceClass, Method method) {
        return AnnotationLookup.find(resourceClass, method, element -> element.getAnnotation(Secured.class));
    }
}
