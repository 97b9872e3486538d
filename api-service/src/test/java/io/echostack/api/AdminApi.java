package io.echostack.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the seeded admin (admin@example.com / password, seeded outside the prod profile). */
public final class AdminApi {
    public static final String EMAIL = "admin@example.com";
    public static final String PASSWORD = "password";

    private AdminApi() {
    }

    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/login").then().statusCode(200).extract().jsonPath().getString("token");
    }

    /** A fresh token per call: tests stay independent of each other's logouts. */
    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + login(EMAIL, PASSWORD));
    }
}
