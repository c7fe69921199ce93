package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.http.SecuredScopes;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        OAuthJwtConfig config = CDI.current().select(TokenValidator.class).get().config();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (config.resource().isEmpty() || !path.equals(OAuthJwtConfig.resourcePath(config.resource().get()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = document(config, CDI.current().select(SecuredScopes.class).get().scopes())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return the document of this configuration and the scopes of the secured endpoints */
    static String document(OAuthJwtConfig config, Set<String> endpointScopes) {
        URI resource = config.resource().orElseThrow();
        Set<String> scopes = new TreeSet<>(config.scopes());
        scopes.addAll(endpointScopes);
        return ProtectedResourceMetadata.document(resource, List.of(config.issuer()), scopes);
    }
}
