package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces for DPoP proofs (RFC 9449 §8) that every replica can verify without shared state: a nonce is the
 * base64url of the issue time (8 bytes, epoch seconds) followed by the first 16 bytes of its HMAC-SHA256 under the
 * configured secret. A nonce is valid from its issue time (less the clock skew) for the proof window.
 */
final class DpopNonces {

    private static final int TIME_LENGTH = 8;
    private static final int MAC_LENGTH = 16;

    private final SecretKeySpec secret;
    private final Duration lifetime;
    private final Duration skew;
    private final Clock clock;

    DpopNonces(byte[] secret, Duration lifetime, Duration skew, Clock clock) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
        this.skew = skew;
        this.clock = clock;
    }

    /** @return a fresh nonce */
    String issue() {
        byte[] time = ByteBuffer.allocate(TIME_LENGTH)
                .putLong(clock.instant().getEpochSecond())
                .array();
        byte[] nonce = Arrays.copyOf(time, TIME_LENGTH + MAC_LENGTH);
        System.arraycopy(mac(time), 0, nonce, TIME_LENGTH, MAC_LENGTH);
        return Base64Url.encode(nonce);
    }

    /** @return whether {@code nonce} was issued with this secret and is still valid */
    boolean isValid(Object nonce) {
        byte[] bytes = nonce instanceof String text && text.length() < 64 ? Base64Url.decodeCanonical(text) : null;
        if (bytes == null || bytes.length != TIME_LENGTH + MAC_LENGTH) {
            return false;
        }
        byte[] time = Arrays.copyOf(bytes, TIME_LENGTH);
        if (!MessageDigest.isEqual(
                Arrays.copyOfRange(mac(time), 0, MAC_LENGTH), Arrays.copyOfRange(bytes, TIME_LENGTH, bytes.length))) {
            return false;
        }
        long issued = ByteBuffer.wrap(time).getLong();
        long now = clock.instant().getEpochSecond();
        return issued <= now + skew.getSeconds() && now - issued <= lifetime.getSeconds();
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
