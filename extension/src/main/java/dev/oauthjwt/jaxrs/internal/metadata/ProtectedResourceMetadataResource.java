package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.http.SecuredScopes;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
    public ProtectedResourceMetadataResource() {
    }

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
        Tenants tenants = CDI.current().select(IssuerRouter.class).get().tenants();
        if (tenants.resource().isEmpty() || !path.equals(OAuthJwtConfig.resourcePath(tenants.resource().get()))) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(document(tenants, CDI.current().select(SecuredScopes.class).get().scopes()),
                MediaType.APPLICATION_JSON_TYPE).build();
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
