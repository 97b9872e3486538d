package io.echostack.echo.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The PEM files laravel-echo-server is configured with ({@code sslCertPath}, {@code sslKeyPath}, optional
 * {@code sslCertChainPath}, {@code sslPassphrase}) as an in-memory Java key store. Keys must be PKCS#8
 * ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY} with the passphrase), which is what certbot and
 * OpenSSL 3 write; an old PKCS#1 key gets an error that says how to convert it.
 */
public final class PemKeyStore {
    public static final char[] PASSWORD = "echo-server".toCharArray();
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private PemKeyStore() {
    }

    /** @throws IOException with a message naming the file and the problem */
    public static KeyStore load(String certPath, String keyPath, String chainPath, String passphrase)
            throws IOException {
        try {
            List<Certificate> chain = new ArrayList<>(certificates(certPath));
            if (chainPath != null && !chainPath.isBlank()) {
                chain.addAll(certificates(chainPath));
            }
            if (chain.isEmpty()) {
                throw new IOException("no certificate in " + certPath);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("echo-server", privateKey(keyPath, passphrase), PASSWORD,
                    chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS files (" + e.getMessage() + ")", e);
        }
    }

    private static List<Certificate> certificates(String path) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        for (byte[] der : blocks(path, "CERTIFICATE")) {
            certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    private static PrivateKey privateKey(String path, String passphrase) throws IOException, GeneralSecurityException {
        List<byte[]> plain = blocks(path, "PRIVATE KEY");
        List<byte[]> encrypted = blocks(path, "ENCRYPTED PRIVATE KEY");
        PKCS8EncodedKeySpec spec;
        if (!plain.isEmpty()) {
            spec = new PKCS8EncodedKeySpec(plain.get(0));
        } else if (!encrypted.isEmpty()) {
            spec = decrypt(encrypted.get(0), passphrase == null ? "" : passphrase);
        } else {
            throw new IOException(path + " has no PKCS#8 private key (BEGIN PRIVATE KEY); convert a PKCS#1 key with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(path + ": unsupported private key algorithm");
    }

    /** OpenSSL 3 encrypts with PBES2; its parameters name the JCA algorithm (e.g. PBEWithHmacSHA256AndAES_256). */
    private static PKCS8EncodedKeySpec decrypt(byte[] der, String passphrase) throws IOException, GeneralSecurityException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new IOException("the private key's encryption is not supported (" + e.getMessage() + "); re-encrypt"
                    + " it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes.pem`", e);
        }
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.toCharArray())),
                info.getAlgParameters());
        try {
            return info.getKeySpec(cipher);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt the private key: wrong sslPassphrase?", e);
        }
    }

    private static List<byte[]> blocks(String path, String type) throws IOException {
        String pem = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        List<byte[]> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (block.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(block.group(2)));
            }
        }
        return blocks;
    }
}
