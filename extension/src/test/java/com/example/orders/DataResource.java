package com.example.orders;

// The documentation site includes the code between the SNIPPET markers of this file (src-site, getting-started).
// Keep the markers; the code compiles with the extension's tests, so the pages cannot show code that does not build.
// The README shows the same code (DocsExamplesTest): its paths are those of the sample WAR, so that the README's curl
// lines work against the demo. Keep it as `mvn spotless:apply` formats it.

// START SNIPPET: resource
import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.Secured;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {

    @Inject
    GreetingService greetings;

    /** No {@code @Secured}: the extension does not look at this endpoint at all. */
    @GET
    @Path("/public")
    public JsonObject publicData() {
        return Json.createObjectBuilder()
                .add("message", "public endpoint, no token needed")
                .build();
    }

    /** Any valid token (issuer, audience, signature, lifetime and the global rules of the configuration). */
    @GET
    @Path("/data")
    @Secured
    public JsonObject data(@Context SecurityContext security) {
        // Cast the principal, never the SecurityContext itself (the runtime injects a proxy).
        AccessToken token = (AccessToken) security.getUserPrincipal();
        return Json.createObjectBuilder()
                .add("subject", token.getName())
                .add("scopes", String.join(" ", token.getScopes()))
                .add("admin", security.isUserInRole("admin"))
                .build();
    }

    /** Additionally requires the scope {@code read}; else 403 with error="insufficient_scope", scope="read". */
    @GET
    @Path("/scope")
    @Secured(scopes = "read")
    public JsonObject scope() {
        return Json.createObjectBuilder().add("message", greetings.greet()).build();
    }

    /** Additionally requires the claim {@code role} to be {@code admin}; else 403. */
    @GET
    @Path("/claim")
    @Secured(claims = "role=admin")
    public JsonObject claim(@Context SecurityContext security) {
        AccessToken token = (AccessToken) security.getUserPrincipal();
        return Json.createObjectBuilder()
                .add("subject", token.getName())
                .add("role", token.getStringClaim("role").orElse(""))
                .build();
    }
}
// END SNIPPET: resource
