package dev.oauthjwt.bench.mpjwt;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sample's {@code /api/public} and {@code /api/data}, doing the same work: the same JSON answers, the token read
 * from the request's principal. {@code /api/data} requires the role {@code admin} (the benchmark token's groups):
 * without a role, MicroProfile JWT would let a request without a token through.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MpJwtResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** Open to everyone. */
    @GET
    @Path("public")
    @PermitAll
    public JsonObject publicEndpoint() {
        return JSON.createObjectBuilder()
                .add("message", "Public endpoint, no token needed")
                .build();
    }

    /** A valid token of the configured issuer and audience, with the group {@code admin}. */
    @GET
    @Path("data")
    @RolesAllowed("admin")
    public JsonObject data(@Context SecurityContext securityContext) {
        JsonWebToken token = (JsonWebToken) securityContext.getUserPrincipal();
        String scope = string(token, "scope");
        String role = string(token, "role");
        return JSON.createObjectBuilder()
                .add("message", "API called for user with scope '" + scope + "' and role '" + role + "'")
                .build();
    }

    /** A string claim: MicroProfile JWT hands out non-standard claims as JSON-P values. */
    private static String string(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? "" : value.toString();
    }
}
