package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code databaseConfig.redis.tls}: ioredis hands this object to Node's {@code tls.connect}, so the keys are Node's.
 * Like Node, the server certificate and its host name are verified unless {@code rejectUnauthorized} is false, and a
 * {@code ca} replaces the system's trusted authorities.
 *
 * @param ca         PEM text of the trusted certificate(s), a string or a list (Node's form); ours: a value without
 *                   {@code -----BEGIN} is read as the path of a PEM file, since JSON has no readFileSync
 * @param servername the name sent in SNI and checked against the certificate (default: the host)
 * @param cert       PEM client certificate (chain) for Redis {@code tls-auth-clients}, with {@code key} (PKCS#8 PEM)
 *                   and its {@code passphrase}; text or path as {@code ca}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedisTls(
        Boolean rejectUnauthorized,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> ca,
        String servername,
        String cert,
        String key,
        String passphrase) {

    public boolean verifies() {
        return !Boolean.FALSE.equals(rejectUnauthorized);
    }

    /** The {@code ca} certificates as one PEM text, or null when none is given. */
    public byte[] caPem() throws ConfigException {
        if (ca == null || ca.isEmpty()) {
            return null;
        }
        StringBuilder pem = new StringBuilder();
        for (String entry : ca) {
            pem.append(pem(entry, "tls.ca")).append('\n');
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public boolean hasClientCertificate() {
        return cert != null && !cert.isBlank();
    }

    public byte[] certPem() throws ConfigException {
        return pem(cert, "tls.cert").getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] keyPem() throws ConfigException {
        if (key == null || key.isBlank()) {
            throw new ConfigException("databaseConfig.redis.tls has a \"cert\" without its \"key\"");
        }
        return pem(key, "tls.key").getBytes(StandardCharsets.US_ASCII);
    }

    private static String pem(String value, String what) throws ConfigException {
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("databaseConfig.redis." + what + " is neither PEM text nor a readable PEM file: "
                    + value, e);
        }
    }
}
