package org.rapport.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for mail servers on loopback, made once per JVM with the JDK's {@code keytool}: one issued to
 * {@code 127.0.0.1}/{@code localhost}, one to another name, and a trust store holding both, as an operator would build
 * for a relay with a private certificate. {@link #trustedByThisJvm()} trusts them the way the README tells a user to:
 * {@code javax.net.ssl.trustStore}.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private static TestCertificates made;

    private final Path loopback;
    private final Path otherName;
    private final Path trustStore;

    private TestCertificates(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        loopback = keyPair(dir, "loopback", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        otherName = keyPair(dir, "other", "CN=mail.other.example", "san=dns:mail.other.example");
        trustStore = dir.resolve("trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("loopback", load(loopback).getCertificate("loopback"));
        trust.setCertificateEntry("other", load(otherName).getCertificate("other"));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    public static synchronized TestCertificates get() {
        if (made == null) {
            try {
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                made = new TestCertificates(Files.createTempDirectory("rapport-tls"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /**
     * This JVM trusts the two certificates (and nothing else) through {@code javax.net.ssl.trustStore}, the setting the
     * README names. The JDK reads it once, when TLS is first used, so call this before any TLS connection of the JVM.
     */
    public TestCertificates trustedByThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        return this;
    }

    /** GreenMail's SMTPS and IMAPS present the certificate issued to 127.0.0.1 (read once per JVM, when the first starts). */
    public TestCertificates servedByGreenMail() {
        System.setProperty("greenmail.tls.keystore.file", loopback.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
        return this;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** A server's TLS with the certificate issued to 127.0.0.1 and localhost. */
    public SSLContext loopbackServer() {
        return server(loopback, PASSWORD);
    }

    /** A server's TLS with a trusted certificate issued to another host name. */
    public SSLContext otherNameServer() {
        return server(otherName, PASSWORD);
    }

    /** A server's TLS with GreenMail's own self-signed certificate, which nobody here trusts. */
    public static SSLContext untrustedServer() {
        try (InputStream in = com.icegreen.greenmail.util.GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            if (in == null) {
                throw new IllegalStateException("greenmail.p12 is not in GreenMail's jar");
            }
            Path copy = Files.createTempFile("greenmail", ".p12");
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return server(copy, "changeit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext server(Path keyStore, String password) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path keyPair(Path dir, String alias, String name, String alternativeNames)
            throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "30", "-dname", name, "-ext", alternativeNames,
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }
}
