package dev.oauthjwt.jaxrs.internal.keys;

import java.util.concurrent.CompletableFuture;

/** Downloads the current JWKS document: from a configured URL, or from the one the issuer's metadata names. */
interface JwksSource {

    /** @return the document; completes exceptionally on any failure, at the latest when the deadline passes */
    CompletableFuture<JwksFetcher.Document> fetch();
}
