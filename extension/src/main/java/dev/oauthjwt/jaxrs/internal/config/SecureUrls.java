package dev.oauthjwt.jaxrs.internal.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for every URL the extension fetches or announces (JWKS, discovery, the resource identifier): absolute,
 * {@code https}, or plain {@code http} on a loopback host only. Host names are never resolved, except the literal
 * {@code localhost}.
 */
public final class SecureUrls {

    private SecureUrls() {}

    /**
     * @param value the URL as configured or announced
     * @return the URL, or why it is refused (a fixed text, never the value)
     */
    public static Result check(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Result.refused("is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Result.refused("must be an absolute https URL");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Result.refused("must use https (plain http is accepted for loopback hosts only)");
        }
        return new Result(Optional.of(uri), null);
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param uri the accepted URL
     * @param problem why it was refused, when {@code uri} is empty
     */
    public record Result(Optional<URI> uri, String problem) {
        static Result refused(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    /** @return whether {@code host} is {@code localhost} or a loopback IP literal */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve names
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
