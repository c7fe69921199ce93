package dev.oauthjwt.jaxrs.api;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.Secured;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The resources the HTTP-level tests call. */
@Path("/api")
public class TestApi {

    @Inject
    GreetingService greetings;

    @GET
    @Path("/public")
    public String open() {
        return "open";
    }

    @GET
    @Path("/data")
    @Secured
    public String data(@Context SecurityContext security) {
        VerifiedToken principal = (VerifiedToken) security.getUserPrincipal();
        return principal.getName() + " scopes=" + String.join(",", principal.getScopes())
                + " scheme=" + security.getAuthenticationScheme()
                + " users=" + security.isUserInRole("users") + " admins=" + security.isUserInRole("admins");
    }

    /** How the token was bound, as a resource sees it through the public {@code AccessToken} type. */
    @GET
    @Path("/binding")
    @Secured
    public String binding(@Context SecurityContext security) {
        AccessToken token = (AccessToken) security.getUserPrincipal();
        return security.getAuthenticationScheme() + " " + token.getTokenType() + " "
                + token.getConfirmationThumbprint().orElse("-");
    }

    @POST
    @Path("/data")
    @Secured
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String post(@FormParam("x") String x) {
        return "posted " + x;
    }

    @GET
    @Path("/scope")
    @Secured(scopes = "read")
    public String scope() {
        return "scope ok";
    }

    @GET
    @Path("/scopes")
    @Secured(scopes = {"read", "admin"})
    public String scopes() {
        return "scopes ok";
    }

    @GET
    @Path("/claim")
    @Secured(claims = "role=admin")
    public String claim() {
        return "claim ok";
    }

    @GET
    @Path("/bean")
    @Secured
    public String bean() {
        return greetings.greet();
    }

    @GET
    @Path("/partner")
    @Secured(tenants = "partner")
    public String partner() {
        return "partner ok";
    }
}
