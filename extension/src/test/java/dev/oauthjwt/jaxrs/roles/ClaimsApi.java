package dev.oauthjwt.jaxrs.roles;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** MicroProfile JWT injection: {@code JsonWebToken} and {@code @Claim} in request- and application-scoped beans. */
@Path("/mp")
public class ClaimsApi {

    @Inject
    JsonWebToken jwt;

    @Inject
    RequestClaims requestClaims;

    @Inject
    ApplicationClaims applicationClaims;

    @GET
    @Path("claims")
    @Secured
    public String claims() {
        return "jwt=" + jwt.getName() + " groups=" + jwt.getGroups() + " " + requestClaims.describe();
    }

    @GET
    @Path("claim-values")
    @Secured
    public String claimValues() {
        return applicationClaims.describe();
    }

    @GET
    @Path("anonymous")
    public String anonymous() {
        return "jwt=" + jwt.getName() + " claims=" + jwt.getClaimNames() + " groups=" + jwt.getGroups();
    }
}
