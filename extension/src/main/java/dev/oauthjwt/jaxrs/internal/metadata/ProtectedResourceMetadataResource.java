package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
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
import java.util.LinkedHashSet;
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
        Tenants tenants = CDI.current().select(IssuerRouter.class).get().tenants();
        if (tenants.resource().isEmpty()
                || !path.equals(OAuthJwtConfig.resourcePath(tenants.resource().get()))) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        TenantBindings bindings = CDI.current().select(TenantBindings.class).get();
        return Response.ok(
                        document(
                                tenants,
                                CDI.current().select(SecuredScopes.class).get().scopes(),
                                bindings),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * @param tenants the tenants (their issuers and scopes), with a resource
     * @param endpointScopes the scopes of the secured endpoints
     * @param bindings the DPoP rules of the tenants
     * @return the metadata document: every tenant's issuer; DPoP proof algorithms of the tenants that accept DPoP;
     *     DPoP-bound tokens required when every tenant requires them
     */
    static String document(Tenants tenants, Set<String> endpointScopes, TenantBindings bindings) {
        URI resource = tenants.resource().orElseThrow();
        Set<String> scopes = new TreeSet<>(endpointScopes);
        Set<String> algorithms = new LinkedHashSet<>();
        boolean required = true;
        for (Tenant tenant : tenants.all()) {
            scopes.addAll(tenant.config().scopes());
            SenderConstraints dpop = bindings.of(tenant);
            if (dpop.dpopMode() != DpopMode.DISABLED && !dpop.algorithmNames().isBlank()) {
                algorithms.addAll(List.of(dpop.algorithmNames().trim().split(" +")));
            }
            required &= dpop.dpopMode() == DpopMode.REQUIRED;
        }
        return ProtectedResourceMetadata.document(
                resource, tenants.issuers(), scopes, List.copyOf(algorithms), required);
    }
}
