package io.echostack.echo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AuthRequestFailureTest {
    private static final String URL = "https://laravel.test/broadcasting/auth";

    @Test
    void aConnectFailureWithoutMessageNamesTheHostPortAndItsCause() {
        Throwable refused = new CompletionException(connect(new ClosedChannelException()));
        assertThat(AuthRequestFailure.describe(refused, URL)).isEqualTo(
                "ConnectException: cannot connect to laravel.test:443 (ClosedChannelException) - POST " + URL);
        assertThat(AuthRequestFailure.describe(connect(new UnresolvedAddressException()), "http://nowhere.test/auth"))
                .isEqualTo("ConnectException: cannot resolve nowhere.test:80 (UnresolvedAddressException)"
                        + " - POST http://nowhere.test/auth");
    }

    @Test
    void aMessageIsKept() {
        assertThat(AuthRequestFailure.describe(new HttpTimeoutException("request timed out"), URL))
                .isEqualTo("HttpTimeoutException: request timed out - POST " + URL);
        assertThat(AuthRequestFailure.describe(new IllegalArgumentException("Illegal character"), "not a url"))
                .isEqualTo("IllegalArgumentException: Illegal character - POST not a url");
    }

    private static ConnectException connect(Throwable cause) {
        ConnectException connect = new ConnectException();
        connect.initCause(cause);
        return connect;
    }
}
