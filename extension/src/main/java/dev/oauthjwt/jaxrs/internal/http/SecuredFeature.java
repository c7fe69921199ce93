package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.Secured;
import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
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
import java.util.function.Supplier;

/**
 * Binds a {@link BearerTokenFilter} (priority {@link Priorities#AUTHENTICATION}) to every resource method that is
 * {@link Secured}, directly or through its class, a superclass or an interface. The annotation is resolved once per
 * method, at deployment: a malformed rule fails it.
 */
@Provider
@ApplicationScoped
public class SecuredFeature implements DynamicFeature {

    @Inject
    Instance<IssuerRouter> validator;

    @Inject
    Instance<AccessTokenHolder> holder;

    @Inject
    Instance<SecuredScopes> securedScopes;

    private final Supplier<OAuthJwtRuntime> runtime = OAuthJwtRuntime.lazily(this::lookup);

    /** Created by CDI or by the Jakarta REST runtime. */
    public SecuredFeature() {
    }

    /** The injected beans; without injection (a runtime that does not manage providers with CDI), CDI.current(). */
    private OAuthJwtRuntime lookup() {
        if (validator != null && holder != null) {
            return new OAuthJwtRuntime(validator.get(), holder.get());
        }
        CDI<Object> cdi = CDI.current();
        return new OAuthJwtRuntime(cdi.select(IssuerRouter.class).get(), cdi.select(AccessTokenHolder.class).get());
    }

    private SecuredScopes registry() {
        return securedScopes != null ? securedScopes.get() : CDI.current().select(SecuredScopes.class).get();
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resourceClass = resourceInfo.getResourceClass();
        if (method == null || resourceClass == null) {
            return;
        }
        Secured secured = findAnnotation(resourceClass, method);
        if (secured != null) {
            String where = resourceClass.getName() + "#" + method.getName();
            EndpointRules rules = EndpointRules.of(secured, where);
            registry().addAll(rules.scopes());
            context.register(new BearerTokenFilter(rules, runtime), Priorities.AUTHENTICATION);
        }
    }

    /** The method's own annotation wins; then the same method up the hierarchy; then the class, its supers, interfaces. */
    static Secured findAnnotation(Class<?> resourceClass, Method method) {
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Secured found = onMethod(type, method);
            if (found != null) {
                return found;
            }
            for (Class<?> iface : type.getInterfaces()) {
                found = onMethod(iface, method);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(Secured.class)) {
                return type.getAnnotation(Secured.class);
            }
            for (Class<?> iface : type.getInterfaces()) {
                if (iface.isAnnotationPresent(Secured.class)) {
                    return iface.getAnnotation(Secured.class);
                }
            }
        }
        return null;
    }

    private static Secured onMethod(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(Secured.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
