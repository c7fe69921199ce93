package dev.oauthjwt.bench.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The benchmark's peer of the sample API, under {@code /api}, secured by the server's built-in MicroProfile JWT: the
 * JWKS, issuer and audience come from {@code mp.jwt.verify.*}; the token's {@code groups} are its roles.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("admin")
public class MpJwtApplication extends Application {}
