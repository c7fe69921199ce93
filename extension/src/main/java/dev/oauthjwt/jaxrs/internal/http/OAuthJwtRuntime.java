package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
import dev.oauthjwt.jaxrs.internal.ops.AuditLog;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the filters of one application share: the CDI-produced {@link IssuerRouter} and {@link TenantBindings},
 * the request-scoped holder that makes the verified token injectable, the audit log, and the sources of the client's
 * address and TLS certificate. Looked up once, on the first secured request.
 *
 * @param validators the application's validators, one per issuer
 * @param senderConstraints the checks of token bindings (DPoP) of each issuer
 * @param holder a client proxy of the request-scoped holder
 * @param audit the audit log of secured requests
 * @param clientAddress the current request's client address, or {@code null} when the runtime cannot tell
 * @param clientCertificates a request's TLS client certificate chain, or {@code null} when it has none
 */
record OAuthJwtRuntime(
        IssuerRouter validators,
        TenantBindings senderConstraints,
        AccessTokenHolder holder,
        AuditLog audit,
        Supplier<String> clientAddress,
        Function<ContainerRequestContext, Object> clientCertificates) {

    /** Makes the principal injectable as {@code AccessToken} for the rest of the request. */
    void publish(AccessToken token) {
        try {
            holder.set(token);
        } catch (ContextNotActiveException noRequestContext) {
            // the runtime serves this request outside a CDI request context: injection is unavailable, nothing else
        }
    }

    /** @return the client address of the current request, or {@code null} */
    String client() {
        try {
            return clientAddress.get();
        } catch (RuntimeException outsideRequest) {
            return null; // no servlet request in this context: the audit line says "-"
        }
    }

    /** @return the request's TLS client certificate chain, or {@code null} when it has none or it cannot be read */
    Object certificates(ContainerRequestContext request) {
        try {
            return clientCertificates.apply(request);
        } catch (RuntimeException outsideRequest) {
            return null; // no certificate: a certificate-bound token is refused
        }
    }

    /** @return a supplier that calls {@code lookup} on first use and then keeps its result */
    static Supplier<OAuthJwtRuntime> lazily(Supplier<OAuthJwtRuntime> lookup) {
        return new Supplier<>() {
            private volatile OAuthJwtRuntime runtime;

            @Override
            public OAuthJwtRuntime get() {
                OAuthJwtRuntime rt = runtime;
                if (rt == null) {
                    synchronized (this) {
                        if (runtime == null) {
                            runtime = lookup.get();
                        }
                        rt = runtime;
                    }
                }
                return rt;
            }
        };
    }
}
