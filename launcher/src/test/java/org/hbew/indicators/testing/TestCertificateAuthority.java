package org.hbew.indicators.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test with the JDK's own {@code keytool}: a CA key pair, a truststore
 * holding its certificate, and keystores for servers whose certificates it signs (EC P-256, valid for two days,
 * naming {@code 127.0.0.1} and {@code localhost}). Nothing is downloaded and nothing outlives the test's
 * directory; clients that trust the truststore verify the server's certificate and host name as in production.
 */
public final class TestCertificateAuthority {

    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final String password;
    private final Path caKeystore;
    private final Path caCertificate;
    private final Path truststore;

    private TestCertificateAuthority(Path dir, String password) {
        this.dir = dir;
        this.password = password;
        this.caKeystore = dir.resolve("ca.p12");
        this.caCertificate = dir.resolve("ca.pem");
        this.truststore = dir.resolve("truststore.p12");
    }

    /** Makes the CA and its truststore in {@code dir}; every store has {@code password}. */
    public static TestCertificateAuthority create(Path dir, String password) {
        TestCertificateAuthority ca = new TestCertificateAuthority(dir, password);
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=hbew test CA", "-ext", "bc:c", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ca.caKeystore.toString(), "-storepass", password);
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.caKeystore.toString(),
                "-storepass", password, "-file", ca.caCertificate.toString());
        ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.caCertificate.toString(),
                "-storetype", "PKCS12", "-keystore", ca.truststore.toString(), "-storepass", password);
        return ca;
    }

    /** A PKCS12 keystore with a key for {@code name} and its certificate chain (the CA's signature, then the CA). */
    public Path serverKeystore(String name) {
        Path keystore = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
        keytool("-certreq", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
                "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass", password,
                "-infile", request.toString(), "-outfile", signed.toString(), "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(),
                "-keystore", keystore.toString(), "-storepass", password);
        keytool("-importcert", "-alias", name, "-file", signed.toString(),
                "-keystore", keystore.toString(), "-storepass", password);
        return keystore;
    }

    public Path truststore() {
        return truststore;
    }

    public String password() {
        return password;
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
