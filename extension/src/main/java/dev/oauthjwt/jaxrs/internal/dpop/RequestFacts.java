package dev.oauthjwt.jaxrs.internal.dpop;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * What the binding checks need from a request, independent of the Jakarta REST API.
 *
 * @param method the request method
 * @param uri the absolute request URI as the server received it
 * @param headers the header values by name (case-insensitive), {@code null} or empty when absent
 * @param certificates the value of the {@link SenderConstraints#CERTIFICATE_ATTRIBUTE} request property, or
 *     {@code null}
 */
public record RequestFacts(String method, URI uri, Function<String, List<String>> headers, Object certificates) {}
