package dev.oauthjwt.jaxrs.roles;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/** Every raw, Optional and JSON-P type of MicroProfile JWT 2.1 §7.1, injected into a request-scoped bean. */
@RequestScoped
public class RequestClaims {

    @Inject
    @Claim("sub")
    String sub;

    @Inject
    @Claim(standard = Claims.exp)
    Long exp;

    @Inject
    @Claim("iat")
    long iat;

    @Inject
    @Claim("email_verified")
    Boolean emailVerified;

    @Inject
    @Claim(standard = Claims.aud)
    Set<String> aud;

    @Inject
    @Claim("tenant")
    Optional<String> tenant;

    @Inject
    @Claim("missing")
    Optional<String> missing;

    @Inject
    @Claim("level")
    Optional<Long> level;

    @Inject
    @Claim("realm_access")
    JsonObject realmAccess;

    @Inject
    @Claim("level")
    JsonNumber levelNumber;

    @Inject
    @Claim("tenant")
    JsonString tenantString;

    @Inject
    @Claim("tags")
    JsonArray tags;

    @Inject
    @Claim("tags")
    JsonValue tagsValue;

    @Inject
    @Claim("tenant")
    Long tenantAsNumber;

    /** @return the injected values, in a fixed order */
    public String describe() {
        return "sub=" + sub + " expSet=" + (exp != null && exp == iat + 300) + " emailVerified=" + emailVerified
                + " aud=" + aud + " tenant=" + tenant.orElse("?") + " missing=" + missing.isPresent()
                + " level=" + level.orElse(-1L) + " realmAccess=" + realmAccess + " levelNumber=" + levelNumber
                + " tenantString=" + tenantString.getString() + " tags=" + tags + " tagsValue="
                + tagsValue.getValueType() + " tenantAsNumber=" + tenantAsNumber;
    }
}
