package io.echostack.echo.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * The PEM files laravel-echo-server is configured with ({@code sslCertPath}, {@code sslKeyPath}, optional
 * {@code sslCertChainPath}, {@code sslPassphrase}) as an in-memory Java key store. The key may be in any PEM format
 * Node's TLS reads (see {@link PemPrivateKey}).
 */
public final class PemKeyStore {
    public static final char[] PASSWORD = "echo-server".toCharArray();
    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();

    private PemKeyStore() {
    }

    /** @throws IOException {@code cannot use the TLS files (<path>): <reason>} */
    public static KeyStore load(String certPath, String keyPath, String chainPath, String passphrase)
            throws IOException {
        List<Certificate> chain = new ArrayList<>(certificates(certPath));
        if (chain.isEmpty()) {
            throw unusable(certPath, "no certificate (BEGIN CERTIFICATE)", null);
        }
        if (chainPath != null && !chainPath.isBlank()) {
            chain.addAll(certificates(chainPath));
        }
        PrivateKey key;
        try {
            key = PemPrivateKey.of(objects(keyPath), passphrase);
        } catch (IOException e) {
            throw unusable(keyPath, reason(e), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("echo-server", key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw unusable(certPath + ", " + keyPath, e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(String path) throws IOException {
        try {
            List<Certificate> certificates = new ArrayList<>();
            for (Object object : objects(path)) {
                if (object instanceof X509CertificateHolder certificate) {
                    certificates.add(CERTIFICATES.getCertificate(certificate));
                }
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(path, reason(e), e);
        }
    }

    /** Every PEM block of the file, parsed; text around the blocks is skipped, as OpenSSL does. */
    private static List<Object> objects(String path) throws IOException {
        // ISO-8859-1 decodes any byte, so a stray non-ASCII comment outside the blocks cannot fail the read.
        try (Reader file = Files.newBufferedReader(Path.of(path), StandardCharsets.ISO_8859_1);
             PEMParser parser = new PEMParser(file)) {
            List<Object> objects = new ArrayList<>();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
            return objects;
        }
    }

    /** A missing file's exception message is just its path. */
    private static String reason(Exception e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }

    private static IOException unusable(String path, String reason, Exception cause) {
        return new IOException("cannot use the TLS files (" + path + "): " + reason, cause);
    }
}
