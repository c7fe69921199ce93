package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Finds the TLS client certificate chain of a request, for certificate-bound tokens: the Jakarta REST request
 * property {@value SenderConstraints#CERTIFICATE_ATTRIBUTE} (Jersey, on Payara Micro, maps servlet request attributes
 * to properties), else that attribute of the servlet request that CDI provides as a built-in bean (Open Liberty's
 * RESTEasy does not show the attribute, which the container computes only when asked for it by name). Looked up only
 * for certificate-bound tokens.
 */
final class ClientCertificates {

    private static volatile Instance<HttpServletRequest> servletRequests;

    private ClientCertificates() {}

    /** @return the certificate chain, or {@code null} when the request carried none or it cannot be found */
    static Object of(ContainerRequestContext request) {
        Object property = request.getProperty(SenderConstraints.CERTIFICATE_ATTRIBUTE);
        if (property != null) {
            return property;
        }
        try {
            Instance<HttpServletRequest> requests = servletRequests;
            if (requests == null) {
                requests = CDI.current().select(HttpServletRequest.class);
                servletRequests = requests;
            }
            return requests.isResolvable()
                    ? requests.get().getAttribute(SenderConstraints.CERTIFICATE_ATTRIBUTE)
                    : null;
        } catch (RuntimeException | LinkageError noServletRequest) {
            return null; // no CDI container or no servlet runtime: no certificate, so the binding check fails
        }
    }
}
