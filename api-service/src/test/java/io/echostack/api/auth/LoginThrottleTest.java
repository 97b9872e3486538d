package io.echostack.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.echostack.api.ServersResource;
import io.echostack.api.TestUsers;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Laravel's login throttle (5 failures per email + IP a minute), through HTTP and on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class LoginThrottleTest {
    private static final Pattern LOCKOUT = Pattern.compile("Too many login attempts\\. Please try again in (\\d+) seconds\\.");

    @Test
    void theSixthLoginAfterFiveFailuresIs429EvenWithTheRightPassword() {
        TestUsers.ensure("locked@example.com", "Locked", "right", true);
        for (int i = 0; i < 5; i++) {
            login(i % 2 == 0 ? "locked@example.com" : "LOCKED@Example.com", "wrong").statusCode(422)
                    .body("errors.email[0]", equalTo(AuthResource.FAILED));
        }

        var lockout = login("locked@example.com", "right").statusCode(429).contentType(ContentType.JSON).extract();
        String message = lockout.jsonPath().getString("message");
        Matcher seconds = LOCKOUT.matcher(message);
        assertThat(seconds.matches()).as(message).isTrue();
        assertThat(Long.parseLong(seconds.group(1))).isBetween(1L, 60L);
        assertThat(lockout.jsonPath().getString("errors.email[0]")).isEqualTo(message);
        assertThat(lockout.header("Retry-After")).isEqualTo(seconds.group(1));
        assertThat(attemptsStored("locked@example.com", "127.0.0.1")).isEqualTo(5);

        TestUsers.ensure("neighbour@example.com", "Neighbour", "right", true);
        login("neighbour@example.com", "right").statusCode(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        TestUsers.ensure("forgetful@example.com", "Forgetful", "right", true);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                login("forgetful@example.com", "wrong").statusCode(422);
            }
            login("forgetful@example.com", "right").statusCode(200);
        }
        assertThat(attemptsStored("forgetful@example.com", "127.0.0.1")).isZero();
    }

    @Test
    void countsPerEmailAndAddressAndForgetsWhenTheWindowEnds() throws InterruptedException {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofSeconds(1));
        String email = "window-" + System.nanoTime() + "@example.com";
        throttle.hit(email, "10.0.0.1");
        assertThat(throttle.lockedFor(email, "10.0.0.1")).isEmpty();
        throttle.hit(email.toUpperCase(), "10.0.0.1");

        assertThat(throttle.lockedFor(email, "10.0.0.1")).hasValue(1);
        assertThat(throttle.lockedFor(email, "10.0.0.2")).isEmpty();
        assertThat(throttle.lockedFor("other-" + email, "10.0.0.1")).isEmpty();

        Thread.sleep(1100);
        assertThat(throttle.lockedFor(email, "10.0.0.1")).isEmpty();
        throttle.hit(email, "10.0.0.1");
        assertThat(attemptsStored(email, "10.0.0.1")).as("a new window counts from one").isEqualTo(1);
        assertThat(throttle.lockedFor(email, "10.0.0.1")).isEmpty();
    }

    private static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/login").then();
    }

    private static int attemptsStored(String email, String ip) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("SELECT attempts FROM login_throttles WHERE throttle_key = ?1")
                .setParameter(1, LoginThrottle.key(email, ip)).getResultList());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
