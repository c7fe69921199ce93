package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.config.ClaimPath;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roles of a verified token from the configured claim paths ({@code oauth.jwt.roles-claim}): the union of
 * the values found at each path, each value a space-separated string or an array (its string elements). A path that
 * is missing, or leads to anything else, contributes nothing; role names are never coerced from other JSON types.
 */
final class RolesReader {

    private final List<ClaimPath> paths;

    RolesReader(List<ClaimPath> paths) {
        this.paths = List.copyOf(paths);
    }

    Set<String> read(Map<String, Object> claims) {
        if (paths.size() == 1) {
            return VerifiedToken.stringsOf(paths.get(0).read(claims));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (ClaimPath path : paths) {
            roles.addAll(VerifiedToken.stringsOf(path.read(claims)));
        }
        return Collections.unmodifiableSet(roles);
    }
}
