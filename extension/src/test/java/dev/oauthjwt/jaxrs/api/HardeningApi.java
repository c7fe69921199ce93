package dev.oauthjwt.jaxrs.api;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Resources of the hardening tests: bodies of several media types behind @Secured, echoed back by size. */
@Path("/hardening")
public class HardeningApi {

    @POST
    @Path("/text")
    @Secured
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public String text(String body) {
        return "length=" + body.length() + " tail=" + body.substring(Math.max(0, body.length() - 8));
    }

    @POST
    @Path("/form")
    @Secured
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@FormParam("x") String x, @FormParam("y") String y) {
        return "x=" + (x == null ? "null" : x.length()) + " y=" + y;
    }
}
