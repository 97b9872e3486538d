package io.echostack.echo.ops;

import io.echostack.echo.transport.LocalRoomAdapter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /metrics} (Prometheus text) and {@code GET /health} ({@code {"status":"UP"|"DOWN","redis":…,
 * "connections":n}}; 503 while the Redis subscriber is disconnected, so a load balancer stops sending clients to a
 * server that would not deliver broadcasts).
 */
public final class OpsServlet extends HttpServlet {
    private final transient EchoMetrics metrics;
    private final transient LocalRoomAdapter rooms;
    private final transient BooleanSupplier redisUp;

    public OpsServlet(EchoMetrics metrics, LocalRoomAdapter rooms, BooleanSupplier redisUp) {
        this.metrics = metrics;
        this.rooms = rooms;
        this.redisUp = redisUp;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/metrics".equals(request.getServletPath())) {
            response.setContentType("text/plain; version=0.0.4; charset=utf-8");
            response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean up = redisUp.getAsBoolean();
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"redis\":\""
                + (up ? "connected" : "disconnected") + "\",\"connections\":" + rooms.connectedCount() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
