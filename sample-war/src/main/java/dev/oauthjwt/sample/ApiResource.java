package dev.oauthjwt.sample;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.Secured;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sample API. It reads the verified token in the two supported ways: the principal of the request's
 * {@link SecurityContext} cast to {@link AccessToken} ({@code /api/data}), an {@code @Inject AccessToken} in a
 * CDI bean ({@link CallerInfo}, used by {@code /api/scope} and {@code /api/claim}), and MicroProfile JWT's
 * {@code @Inject @Claim} and {@code @Inject JsonWebToken} ({@link TokenClaims}, used by {@code /api/claims}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

    /**
     * Created once: every {@code Json.createObjectBuilder()} call looks the JSON-P provider up with a
     * {@code ServiceLoader} scan of the class path, which costs more than the whole request otherwise.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    CallerInfo caller;

    @Inject
    TokenClaims claims;

    /** Open to everyone. */
    @GET
    @Path("public")
    public JsonObject publicEndpoint() {
        return JSON.createObjectBuilder()
                .add("message", "Public endpoint, no token needed")
                .build();
    }

    /** Any valid token (global rules: issuer, audience). The seed article's endpoint. */
    @GET
    @Path("data")
    @Secured
    public JsonObject data(@Context SecurityContext securityContext) {
        AccessToken token = (AccessToken) securityContext.getUserPrincipal();
        String scope = token.getStringClaim("scope").orElse("");
        String role = token.getStringClaim("role").orElse("");
        return JSON.createObjectBuilder()
                .add("message", "API called for user with scope '" + scope + "' and role '" + role + "'")
                .build();
    }

    /**
     * Any valid token: how it was presented ({@code Bearer} or {@code DPoP}), how it is bound to its client
     * ({@code Bearer}: not bound; {@code DPoP}: to the key of its DPoP proofs) and the thumbprint it is bound to.
     */
    @GET
    @Path("binding")
    @Secured
    public JsonObject binding(@Context SecurityContext securityContext) {
        AccessToken token = (AccessToken) securityContext.getUserPrincipal();
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("subject", token.getName())
                .add("scheme", securityContext.getAuthenticationScheme())
                .add("token_type", token.getTokenType());
        token.getConfirmationThumbprint().ifPresent(thumbprint -> answer.add("thumbprint", thumbprint));
        return answer.build();
    }

    /** Requires the {@code read} scope. */
    @GET
    @Path("scope")
    @Secured(scopes = "read")
    public JsonObject scope() {
        return JSON.createObjectBuilder()
                .add("subject", caller.subject())
                .add("scope", caller.scope())
                .build();
    }

    /**
     * A form POST (any valid token): answers the length of the {@code message} field. The filter never reads the body,
     * so form fields reach the resource untouched; an {@code access_token} field is not a credential.
     */
    @POST
    @Path("form")
    @Secured
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject form(@FormParam("message") String message) {
        return JSON.createObjectBuilder()
                .add("length", message == null ? -1 : message.length())
                .build();
    }

    /** Requires the claim {@code role} to be {@code admin}. */
    @GET
    @Path("claim")
    @Secured(claims = "role=admin")
    public JsonObject claim() {
        return JSON.createObjectBuilder()
                .add("subject", caller.subject())
                .add("role", caller.role())
                .build();
    }

    /** Any valid token: a few claims read through {@code @Claim} injection, and the roles. */
    @GET
    @Path("claims")
    @Secured
    public JsonObject claims() {
        return JSON.createObjectBuilder()
                .add("subject", claims.subject())
                .add("issuer", claims.issuer())
                .add("audience", JSON.createArrayBuilder(new TreeSet<>(claims.audience())))
                .add("scope", claims.scope())
                .add("realmAccess", claims.hasRealmAccess())
                .add("roles", JSON.createArrayBuilder(new TreeSet<>(claims.roles())))
                .build();
    }

    /**
     * Only tokens of the tenant {@code partner} (when {@code oauth.jwt.tenants} lists it; with one issuer, no token
     * belongs to it and every token is answered 401).
     */
    @GET
    @Path("partner")
    @Secured(tenants = "partner")
    public JsonObject partner() {
        return JSON.createObjectBuilder()
                .add("subject", caller.subject())
                .add("tenant", "partner")
                .build();
    }
}
