package dev.oauthjwt.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS keys and certificates for the servers' mutual-TLS listeners, generated once per run at test start in
 * {@code target/it/tls} (never committed): a server key pair for 127.0.0.1, two client key pairs ({@code client} and
 * {@code other}), each self-signed by the JDK's {@code keytool}, and the servers' trust store holding both client
 * certificates. Every store is PKCS12 with the password {@value #PASSWORD} (Payara Micro's default master password).
 *
 * @param dir the folder of the stores
 */
record TlsMaterial(Path dir) {

    static final String PASSWORD = "changeit";
    private static TlsMaterial generated;

    /** @return the material of this run, generated on first use */
    static synchronized TlsMaterial get() throws IOException {
        if (generated == null) {
            Path dir = Path.of(System.getProperty("it.dir", "target/it")).resolve("tls");
            LocalFiles.deleteTree(dir);
            Files.createDirectories(dir);
            TlsMaterial material = new TlsMaterial(dir);
            material.generateKeyPair("server", "SAN=ip:127.0.0.1,dns:localhost");
            material.generateKeyPair("client", null);
            material.generateKeyPair("other", null);
            material.writeTrustStore(material.trustStore(), List.of("client", "other"));
            generated = material;
        }
        return generated;
    }

    Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    /** @return the servers' trust store: the certificates of {@code client} and {@code other} */
    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    X509Certificate certificate(String name) {
        try {
            return (X509Certificate) load(keyStore(name)).getCertificate(name);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the RFC 8705 {@code x5t#S256} of a certificate: base64url(SHA-256(DER)) */
    String thumbprint(String name) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(certificate(name).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a client TLS context that trusts the server's certificate and presents {@code client}'s, if any */
    SSLContext clientContext(String client) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate("server"));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (client != null) {
                keys.init(load(keyStore(client)), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(client == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the answer to a GET over TLS to the server's mutual-TLS listener, presenting {@code client}'s
     *     certificate, with {@code Authorization: Bearer <token>}
     */
    HttpResponse<String> bearerGet(ManagedServer server, String client, String path, String token)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(clientContext(client))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return http.send(
                HttpRequest.newBuilder(server.httpsUri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void generateKeyPair(String name, String extension) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore(name).toString(),
                "-storepass",
                PASSWORD));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        Process keytool = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-keytool.log").toFile())
                .start();
        try {
            if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IllegalStateException(
                        "keytool failed for " + name + ": " + LocalFiles.tail(dir.resolve(name + "-keytool.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void writeTrustStore(Path file, List<String> names) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (String name : names) {
                store.setCertificateEntry(name, certificate(name));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
