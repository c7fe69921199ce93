package dev.oauthjwt.jaxrs.internal.token;

import java.util.Map;
import java.util.Set;

/** Reads the roles of a verified token from the configured roles claim: a space-separated string or an array. */
final class RolesReader {

    private final String claim;

    RolesReader(String claim) {
        this.claim = claim;
    }

    Set<String> read(Map<String, Object> claims) {
        return VerifiedToken.stringsOf(claims.get(claim));
    }
}
