package io.echostack.api.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Issues, resolves and revokes bearer tokens (Sanctum-like personal tokens: random, stored hashed). */
@ApplicationScoped
public class TokenService {
    private static final int TOKEN_BYTES = 30;
    private final SecureRandom random = new SecureRandom();

    /** @return the plain token, shown to the client once */
    public String issue(long userId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken row = new ApiToken();
            row.userId = userId;
            row.tokenHash = sha256(token);
            row.createdAt = Instant.now();
            row.persist();
        });
        return token;
    }

    public Optional<User> userOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ApiToken> row = ApiToken.<ApiToken>find("tokenHash", sha256(token)).firstResultOptional();
            return row.map(t -> {
                t.lastUsedAt = Instant.now();
                return User.<User>findById(t.userId);
            });
        });
    }

    public void revoke(String token) {
        QuarkusTransaction.requiringNew().run(() -> ApiToken.delete("tokenHash", sha256(token)));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
