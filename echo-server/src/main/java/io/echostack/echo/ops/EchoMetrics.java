package io.echostack.echo.ops;

import io.echostack.echo.transport.LocalRoomAdapter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The Prometheus metrics of one server: connections and channel subscriptions (gauges over the room adapter),
 * messages in (broadcasts from Redis or HTTP, whispers) and deliveries out (read from the adapter's counter, so the
 * fan-out loop pays one add per broadcast), and auth request latency by outcome.
 */
public final class EchoMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter messagesIn;

    public EchoMetrics(LocalRoomAdapter rooms) {
        Gauge.builder("echo_connections", rooms, LocalRoomAdapter::connectedCount)
                .description("Sockets connected to this server").register(registry);
        Gauge.builder("echo_subscriptions", rooms, r -> r.channelSizes().values().stream().mapToInt(Integer::intValue).sum())
                .description("Channel subscriptions of the connected sockets").register(registry);
        messagesIn = Counter.builder("echo_messages_in").description("Messages emitted to a channel")
                .register(registry);
        FunctionCounter.builder("echo_messages_out", rooms, LocalRoomAdapter::deliveries)
                .description("Messages written to sockets").register(registry);
    }

    public void messageIn() {
        messagesIn.increment();
    }

    /** @param outcome {@code granted}, {@code refused} (a non-200 answer) or {@code failed} (no answer) */
    public void authRequest(String outcome, Duration took) {
        Timer.builder("echo_auth_requests").description("Auth requests to Laravel, by outcome")
                .tag("outcome", outcome).register(registry).record(took);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
