package io.echostack.echo.transport;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The private key among a PEM file's parsed blocks, in any format OpenSSL writes and Node's TLS reads: PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY});
 * encrypted with {@code sslPassphrase} as PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 or the older PBES1) or as
 * traditional OpenSSL PEM ({@code Proc-Type: 4,ENCRYPTED}).
 */
final class PemPrivateKey {
    /**
     * Only for decrypting (the JDK lacks OpenSSL's traditional key derivation and the cipher names BouncyCastle asks
     * for PBES2); not registered, so TLS keeps the JDK's providers.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

    private PemPrivateKey() {
    }

    /** @throws IOException saying what is wrong, e.g. no key or a wrong passphrase */
    static PrivateKey of(List<Object> pemObjects, String passphrase) throws IOException {
        char[] password = passphrase == null ? new char[0] : passphrase.toCharArray();
        for (Object object : pemObjects) {
            PrivateKeyInfo key = keyInfo(object, password);
            if (key != null) {
                return KEYS.getPrivateKey(key);
            }
        }
        throw new IOException("no private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** @return null for a block that is no private key (e.g. the EC PARAMETERS {@code openssl ecparam} writes) */
    private static PrivateKeyInfo keyInfo(Object object, char[] password) throws IOException {
        if (object instanceof PrivateKeyInfo plain) {
            return plain;
        }
        if (object instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return decrypted(encrypted, password);
        }
        if (object instanceof PEMEncryptedKeyPair encrypted) {
            return decrypted(encrypted, password);
        }
        return null;
    }

    private static PrivateKeyInfo decrypted(PKCS8EncryptedPrivateKeyInfo key, char[] password) throws IOException {
        try {
            return key.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password));
        } catch (PKCSException | OperatorCreationException e) {
            throw undecryptable(e);
        }
    }

    private static PrivateKeyInfo decrypted(PEMEncryptedKeyPair key, char[] password) throws IOException {
        try {
            return key.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password))
                    .getPrivateKeyInfo();
        } catch (IOException e) {
            throw undecryptable(e);
        }
    }

    private static IOException undecryptable(Exception e) {
        return new IOException("cannot decrypt the private key (wrong sslPassphrase?): " + e.getMessage(), e);
    }
}
