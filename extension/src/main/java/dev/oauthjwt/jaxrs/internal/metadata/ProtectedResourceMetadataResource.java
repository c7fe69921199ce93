package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.http.SecuredScopes;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers {@code GET <application path>/.well-known/oauth-protected-resource<path of the resource>} (the path
 * insertion of RFC 9728 §3.1, relative to the Jakarta REST application) with the metadata document, when
 * {@code oauth.jwt.resource} is set; every other path under the well-known prefix, and every path when it is not set,
 * is answered 404. A resource of the extension, found by the runtime's scanning like {@code SecuredFeature}: no code
 * of the application is needed, nor the servlet API. The configuration is the application's validated one, taken from
 * CDI on the first request.
 */
@Path(OAuthJwtConfig.METADATA_SEGMENT)
public class ProtectedResourceMetadataResource {

    /** Created by the Jakarta REST runtime. */
    public ProtectedResourceMetadataResource() {}

    /** @return the document of a resource identifier without path */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response root() {
        return answer("");
    }

    /**
     * @param path the rest of the request path: the path of the resource identifier
     * @return the document, or 404
     */
    @GET
    @Path("{path: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response forPath(@PathParam("path") String path) {
        return answer("/" + path);
    }

    private static Response answer(String path) {
        OAuthJwtConfig config = CDI.current().select(TokenValidator.class).get().config();
        if (config.resource().isEmpty()
                || !path.equals(OAuthJwtConfig.resourcePath(config.resource().get()))) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        SenderConstraints dpop = CDI.current().select(SenderConstraints.class).get();
        return Response.ok(
                        document(
                                config,
                                CDI.current().select(SecuredScopes.class).get().scopes(),
                                dpop.dpopMode(),
                                dpop.algorithmNames()),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * @param config the configuration, with a resource
     * @param endpointScopes the scopes of the secured endpoints
     * @param dpopMode whether DPoP is disabled, allowed or required
     * @param dpopAlgorithms the DPoP proof algorithms, space separated
     * @return the metadata document
     */
    static String document(
            OAuthJwtConfig config, Set<String> endpointScopes, DpopMode dpopMode, String dpopAlgorithms) {
        URI resource = config.resource().orElseThrow();
        Set<String> scopes = new TreeSet<>(config.scopes());
        scopes.addAll(endpointScopes);
        List<String> algorithms = dpopMode == DpopMode.DISABLED || dpopAlgorithms.isBlank()
                ? List.of()
                : List.of(dpopAlgorithms.trim().split(" +"));
        return ProtectedResourceMetadata.document(
                resource, List.of(config.issuer()), scopes, algorithms, dpopMode == DpopMode.REQUIRED);
    }
}
