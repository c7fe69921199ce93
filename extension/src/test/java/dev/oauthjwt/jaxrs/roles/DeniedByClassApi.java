package dev.oauthjwt.jaxrs.roles;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** {@code @DenyAll} on the class; one method opened with {@code @PermitAll}. */
@Path("/denied")
@Secured
@DenyAll
public class DeniedByClassApi {

    @GET
    public String denied() {
        return "never";
    }

    @GET
    @Path("open")
    @PermitAll
    public String open() {
        return "open ok";
    }
}
