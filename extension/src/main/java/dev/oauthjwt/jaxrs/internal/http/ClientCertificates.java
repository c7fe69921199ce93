package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.OptionalApis;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The TLS client certificate chain of the current request, for certificate-bound tokens: the attribute
 * {@value SenderConstraints#CERTIFICATE_ATTRIBUTE} of the {@code HttpServletRequest} bean that CDI offers in a servlet
 * container, else the Jakarta REST request property of that name (a runtime without servlets may set it). Both are
 * set by the container from the TLS session, never from a header. Open Liberty computes the attribute only when
 * application security is enabled (an {@code appSecurity} feature); without it the chain is absent and a
 * certificate-bound token is refused. Read only for certificate-bound tokens.
 */
final class ClientCertificates {

    private ClientCertificates() {}

    /** @return the source of a request's certificate chain; it answers {@code null} when there is none */
    static Function<ContainerRequestContext, Object> lookup() {
        Supplier<Object> servlet = OptionalApis.present(OptionalApis.SERVLET) ? fromCdi() : () -> null;
        return request -> {
            Object chain = servlet.get();
            return chain != null ? chain : request.getProperty(SenderConstraints.CERTIFICATE_ATTRIBUTE);
        };
    }

    private static Supplier<Object> fromCdi() {
        Instance<HttpServletRequest> request = CDI.current().select(HttpServletRequest.class);
        if (!request.isResolvable()) {
            return () -> null;
        }
        HttpServletRequest proxy = request.get(); // a proxy of the current request
        return () -> proxy.getAttribute(SenderConstraints.CERTIFICATE_ATTRIBUTE);
    }
}
