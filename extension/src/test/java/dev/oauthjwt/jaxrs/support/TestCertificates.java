package dev.oauthjwt.jaxrs.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed client certificates generated at test start with the JDK's {@code keytool} (the JDK has no public API
 * to create one), in a temporary PKCS12 file that is deleted at once. Never committed.
 */
public final class TestCertificates {

    private TestCertificates() {}

    /** @return a fresh self-signed EC P-256 certificate with this common name */
    public static X509Certificate selfSigned(String commonName) {
        try {
            Path dir = Files.createTempDirectory("oauth-jwt-cert");
            Path store = dir.resolve("client.p12");
            try {
                Process keytool = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "client",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=" + commonName,
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                store.toString(),
                                "-storepass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
                keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed");
                }
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, "changeit".toCharArray());
                }
                return (X509Certificate) keyStore.getCertificate("client");
            } finally {
                for (Path file : List.of(store, dir)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the RFC 8705 {@code x5t#S256} of the certificate: base64url(SHA-256(DER)) */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the DER encoding in base64, as the test API's stand-in for a TLS layer reads it */
    public static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
