package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys given in the configuration ({@code oauth.jwt.public-keys}) instead of a JWKS URL: a JWKS document, or
 * PEM {@code PUBLIC KEY} blocks (SubjectPublicKeyInfo). Read once, at deployment, under the admission rules of
 * {@link JwkSetParser}; never fetched, never unavailable. A key without {@code kid} (every PEM key) is a candidate for
 * every token, whatever its {@code kid}; a key with one only for tokens naming it.
 */
public final class LocalKeys implements KeySource {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private final KeySet keys;
    private final List<VerificationKey> withoutKid;

    private LocalKeys(List<VerificationKey> admitted) {
        this.keys = new KeySet(admitted, Instant.MAX);
        this.withoutKid = admitted.stream().filter(key -> key.kid() == null).toList();
    }

    /**
     * @param document a JWKS document or PEM public keys
     * @return the admitted keys
     * @throws IllegalArgumentException with a fixed reason when the document holds no admissible key, or a PEM key
     *     that is not admitted
     */
    public static LocalKeys parse(String document) {
        String text = document.strip();
        if (text.startsWith("{")) {
            return new LocalKeys(JwkSetParser.parse(text.getBytes(StandardCharsets.UTF_8)));
        }
        List<VerificationKey> admitted = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        int end = 0;
        while (block.find()) {
            if (!text.substring(end, block.start()).isBlank()) {
                throw new IllegalArgumentException("holds text that is neither a JWKS document nor PEM");
            }
            if (!block.group(1).equals("PUBLIC KEY")) {
                throw new IllegalArgumentException("holds a PEM block that is not a PUBLIC KEY");
            }
            VerificationKey key = JwkSetParser.admit(decode(block.group(2)));
            if (key == null) {
                throw new IllegalArgumentException("holds a key that is not admitted (RSA of 2048 to 8192 bits, "
                        + "or EC on P-256, P-384 or P-521)");
            }
            admitted.add(key);
            end = block.end();
        }
        if (admitted.isEmpty() || !text.substring(end).isBlank()) {
            throw new IllegalArgumentException("is neither a JWKS document nor PEM public keys");
        }
        if (admitted.size() > JwkSetParser.MAX_KEYS) {
            throw new IllegalArgumentException("holds more than " + JwkSetParser.MAX_KEYS + " keys");
        }
        return new LocalKeys(admitted);
    }

    private static PublicKey decode(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("holds a PEM block that is not base64");
        }
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("holds a PEM block that is not an RSA or EC public key");
    }

    /** @return the admitted keys */
    public List<VerificationKey> keys() {
        return keys.keys();
    }

    @Override
    public Lookup lookup(String kid, JwsAlgorithm alg) {
        List<VerificationKey> found = kid == null ? List.of() : keys.find(kid, alg);
        if (found.isEmpty()) {
            found = withoutKid.stream().filter(key -> key.fits(alg)).toList();
        }
        return found.isEmpty() ? Lookup.UNKNOWN : new Lookup(Status.FOUND, found, keys);
    }

    @Override
    public KeySet currentKeys() {
        return keys;
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }

    /** @return always usable and fresh: local keys are read once, at deployment, and never fetched */
    @Override
    public KeysState state() {
        return new KeysState(true, true, keys.keys().size(), null, null, null, 0);
    }

    @Override
    public void fetchIfMissing() {
        // nothing to fetch
    }
}
