package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A socket.io packet with broken JSON drops that client, as socket.io-server does, without a WARNING and stack trace
 * in the server's log per packet ({@link ParserWarnings}); other clients carry on.
 */
class BrokenPacketTest {
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheConsoleLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void brokenJsonDropsTheClientWithoutAStackTraceInTheLog() throws Exception {
        for (int i = 0; i < 3; i++) {
            String sid = connect();
            assertThat(post(sid, "42[\"subscribe\",{\"channel\":").statusCode()).isEqualTo(200);

            // socket.io-server closes the session: its next poll is engine.io's CLOSE, or the session is gone.
            HttpResponse<String> poll = poll(sid);
            assertThat(poll.statusCode() == 400 || poll.body().endsWith("1")).as(poll.body()).isTrue();
        }

        assertThat(logged).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogRecord::getLoggerName).doesNotContain("io.socket.socketio.server.parser.IOParser");
        connect(); // a well-behaved client still connects
    }

    /** engine.io 4 handshake, socket.io CONNECT and its answer; the session id. */
    private static String connect() throws IOException, InterruptedException {
        String open = get("/socket.io/?EIO=4&transport=polling").body();
        Matcher sid = SID.matcher(open);
        assertThat(sid.find()).as(open).isTrue();
        assertThat(post(sid.group(1), "40").body()).isEqualTo("ok");
        assertThat(poll(sid.group(1)).body()).startsWith("40{\"sid\":");
        return sid.group(1);
    }

    private static HttpResponse<String> poll(String sid) throws IOException, InterruptedException {
        return get("/socket.io/?EIO=4&transport=polling&sid=" + sid);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String sid, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
