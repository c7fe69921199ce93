package dev.oauthjwt.sample;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * The admin area: {@code @RolesAllowed("admin")} for the whole class, one method open to every valid token
 * ({@code @PermitAll}) and one retired method closed to all ({@code @DenyAll}). Roles come from
 * {@code oauth.jwt.roles-claim}: the {@code role} claim, Keycloak's realm roles and its {@code sample-api} client
 * roles.
 */
@Path("/admin")
@Secured
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** Requires the {@code admin} role. */
    @GET
    public JsonObject admin(@Context SecurityContext securityContext) {
        return JSON.createObjectBuilder()
                .add("message", "Admin area")
                .add("subject", securityContext.getUserPrincipal().getName())
                .build();
    }

    /** Any valid token, whatever its roles. */
    @GET
    @Path("status")
    @PermitAll
    public JsonObject status() {
        return JSON.createObjectBuilder().add("status", "up").build();
    }

    /** Retired: no token is enough. */
    @GET
    @Path("retired")
    @DenyAll
    public JsonObject retired() {
        return JSON.createObjectBuilder().add("message", "never served").build();
    }
}
