package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.http.SecuredScopes;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers {@code GET /.well-known/oauth-protected-resource<path of the resource>} (RFC 9728 §3.1) with the metadata
 * document, when {@code oauth.jwt.resource} is set; every other path under the well-known prefix, and every path when
 * it is not set, is answered 404. The configuration is the application's validated one, taken from CDI on the first
 * request.
 */
public class ProtectedResourceMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Created by {@link MetadataServletInitializer}. */
    public ProtectedResourceMetadataServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenants tenants = CDI.current().select(IssuerRouter.class).get().tenants();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (tenants.resource().isEmpty() || !path.equals(OAuthJwtConfig.resourcePath(tenants.resource().get()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = document(tenants, CDI.current().select(SecuredScopes.class).get().scopes())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return the document of these tenants (their issuers and scopes) and the scopes of the secured endpoints */
    static String document(Tenants tenants, Set<String> endpointScopes) {
        URI resource = tenants.resource().orElseThrow();
        Set<String> scopes = new TreeSet<>(endpointScopes);
        for (Tenant tenant : tenants.all()) {
            scopes.addAll(tenant.config().scopes());
        }
        return ProtectedResourceMetadata.document(resource, tenants.issuers(), scopes);
    }
}
