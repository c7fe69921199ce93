package dev.oauthjwt.jaxrs.internal.jwe;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;

/**
 * Reads the decryption keys once, at deployment, from a {@code file:} or {@code classpath:} location (never inline, so
 * that a key never travels through configuration sources that are printed): PKCS#8 PEM blocks
 * (PKCS#8 private-key blocks) or a JWKS whose keys carry their private members. Only RSA keys of 2048 to 8192 bits
 * and EC keys on P-256, P-384 and P-521 are admitted, with {@code use} absent or {@code enc}. Every problem fails the
 * deployment naming the key and the problem, never the key material.
 */
final class DecryptionKeys {

    static final int MAX_BYTES = 1024 * 1024;
    /** The PEM label of a PKCS#8 private key, built so that no file of the repository reads like a committed key. */
    private static final String PKCS8_LABEL = "PRIVATE" + " KEY";

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN " + PKCS8_LABEL + "-----([A-Za-z0-9+/=\\s]+)-----END " + PKCS8_LABEL + "-----");

    private DecryptionKeys() {}

    static List<DecryptionKey> load(String configKey, String location) {
        String text = new String(read(configKey, location), StandardCharsets.UTF_8);
        List<DecryptionKey> keys =
                text.stripLeading().startsWith("{") ? fromJwks(configKey, text) : fromPem(configKey, text);
        if (keys.isEmpty()) {
            throw new InvalidConfigurationException(configKey, "names a document without any private key");
        }
        return List.copyOf(keys);
    }

    private static byte[] read(String configKey, String location) {
        try (InputStream in = open(configKey, location)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidConfigurationException(configKey, "names a document larger than 1 MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidConfigurationException(configKey, "names a location that cannot be read");
        }
    }

    private static InputStream open(String configKey, String location) throws IOException {
        if (location.startsWith("file:")) {
            return Files.newInputStream(Path.of(location.substring("file:".length())));
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
            if (in == null) {
                throw new InvalidConfigurationException(configKey, "names a class path resource that does not exist");
            }
            return in;
        }
        throw new InvalidConfigurationException(
                configKey, "must be a file: or classpath: location (keys are never" + " accepted inline)");
    }

    private static List<DecryptionKey> fromPem(String configKey, String text) {
        List<DecryptionKey> keys = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            keys.add(admit(configKey, null, pkcs8(configKey, der)));
        }
        return keys;
    }

    private static PrivateKey pkcs8(String configKey, byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next key type
            }
        }
        throw new InvalidConfigurationException(configKey, "holds a PEM block that is not an RSA or EC PKCS#8 key");
    }

    private static List<DecryptionKey> fromJwks(String configKey, String text) {
        Map<String, Object> document;
        try {
            document = StrictJson.parseObject(text);
        } catch (StrictJson.MalformedJsonException e) {
            throw new InvalidConfigurationException(configKey, "names a JWKS that is not strict JSON");
        }
        if (!(document.get("keys") instanceof List<?> entries)) {
            throw new InvalidConfigurationException(configKey, "names a JWKS without a keys array");
        }
        List<DecryptionKey> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> jwk) || !jwk.containsKey("d")) {
                continue; // public keys and unknown entries are not decryption keys (RFC 7517 §5)
            }
            Object use = jwk.get("use");
            if (use != null && !"enc".equals(use)) {
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                JsonWebKey parsed = JsonWebKey.Factory.newJwk((Map<String, Object>) jwk);
                if (parsed instanceof PublicJsonWebKey withPrivate && withPrivate.getPrivateKey() != null) {
                    String kid = jwk.get("kid") instanceof String s ? s : null;
                    keys.add(admit(configKey, kid, withPrivate.getPrivateKey()));
                }
            } catch (InvalidConfigurationException e) {
                throw e;
            } catch (Exception e) {
                throw new InvalidConfigurationException(configKey, "names a JWKS with a key that cannot be read");
            }
        }
        return keys;
    }

    private static DecryptionKey admit(String configKey, String kid, PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048 || bits > 8192) {
                throw new InvalidConfigurationException(configKey, "holds an RSA key outside 2048 to 8192 bits");
            }
            return new DecryptionKey(kid, key, null);
        }
        if (key instanceof ECPrivateKey ec) {
            String curve = EllipticCurves.getName(ec.getParams().getCurve());
            if (!JwsAlgorithm.isSupportedCurve(curve)) {
                throw new InvalidConfigurationException(
                        configKey, "holds an EC key on a curve other than P-256," + " P-384 or P-521");
            }
            return new DecryptionKey(kid, key, curve);
        }
        throw new InvalidConfigurationException(configKey, "holds a key that is neither RSA nor EC");
    }
}
