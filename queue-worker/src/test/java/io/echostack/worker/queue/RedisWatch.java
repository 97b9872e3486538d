package io.echostack.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What echo-server would see: a plain Redis subscriber on {@code laravel_database_*}, plus a command connection. */
final class RedisWatch implements AutoCloseable {
    private final RedisClient client = RedisClient.create(TestRedis.get().url());
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private final StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();

    RedisWatch() {
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                published.add(message);
            }
        });
        subscriber.sync().psubscribe("laravel_database_*");
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    RedisClient client() {
        return client;
    }

    /** The {@code n} of the next published job, waiting up to 10 s. */
    int nextJob() throws Exception {
        String message = published.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a published broadcast").isNotNull();
        return Json.mapper().readTree(message).path("data").path("n").asInt();
    }

    /** Null when nothing was published within {@code millis}. */
    String nothingWithin(long millis) throws InterruptedException {
        return published.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** How many broadcasts are published until none comes for {@code quietMillis}. */
    int countPublished(long quietMillis) throws InterruptedException {
        int count = 0;
        while (published.poll(quietMillis, TimeUnit.MILLISECONDS) != null) {
            count++;
        }
        return count;
    }

    static String job(int n) {
        return broadcast(n).toEnvelope(Instant.now()).toJson();
    }

    static BroadcastJob broadcast(int n) {
        ObjectNode data = Json.mapper().createObjectNode().put("n", n);
        return new BroadcastJob(List.of("loop_room"), "loop_event", data, null);
    }

    @Override
    public void close() {
        subscriber.close();
        connection.close();
        client.shutdown();
    }
}
