package dev.oauthjwt.jaxrs.api;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Class-level @Secured, with one method overriding the rules. */
@Path("/class")
@Secured
public class SecuredByClass {

    @GET
    public String get() {
        return "class ok";
    }

    @GET
    @Path("/write")
    @Secured(scopes = "write")
    public String write() {
        return "write ok";
    }

    @GET
    @Path("/delete")
    @Secured(scopes = "delete")
    public String delete() {
        return "delete ok";
    }
}
