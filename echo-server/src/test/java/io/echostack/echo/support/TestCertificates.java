package io.echostack.echo.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test certificate authority and certificates it signed, made with {@code openssl} in a directory: {@code ca.pem},
 * {@code <name>.pem} and its unencrypted PKCS#8 key {@code <name>-key.pem}. Tests are skipped when openssl is missing.
 */
public final class TestCertificates {
    private final Path dir;

    public TestCertificates(Path dir) throws InterruptedException {
        this.dir = dir;
        assumeTrue(openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("ca-key.pem")
                        .toString(), "-out", ca().toString(), "-days", "1", "-subj", "/CN=Echo Stack test CA"),
                "openssl is needed to make test certificates");
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + "-key.pem");
    }

    /** A certificate signed by the CA, for {@code subjectAltName} (e.g. {@code DNS:redis.test}). */
    public void issue(String name, String subjectAltName) throws InterruptedException {
        Path request = dir.resolve(name + ".csr");
        Path extensions = dir.resolve(name + ".ext");
        try {
            Files.writeString(extensions, "subjectAltName=" + subjectAltName + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean made = openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key(name).toString(), "-out",
                request.toString(), "-subj", "/CN=" + name)
                && openssl("x509", "-req", "-in", request.toString(), "-CA", ca().toString(), "-CAkey",
                dir.resolve("ca-key.pem").toString(), "-CAcreateserial", "-out", cert(name).toString(), "-days", "1",
                "-extfile", extensions.toString());
        assumeTrue(made, "openssl could not issue a test certificate");
    }

    private static boolean openssl(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
