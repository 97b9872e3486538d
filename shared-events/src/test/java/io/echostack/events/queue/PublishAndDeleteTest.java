package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.Fixtures;
import io.echostack.events.script.LettuceScriptExecutor;
import io.echostack.events.broadcast.BroadcastMessage;
import io.echostack.events.json.Json;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The worker's publish path against a real Redis, read back the way laravel-echo-server reads it (PSUBSCRIBE): the
 * bytes on every prefixed channel are exactly what Laravel's RedisBroadcaster published in the capture.
 */
class PublishAndDeleteTest {

    @Test
    void publishesLaravelsExactBytesToEveryPrefixedChannelThenFinishesTheJob() throws Exception {
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (var commands = client.connect(); StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            LinkedBlockingQueue<String[]> received = new LinkedBlockingQueue<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    received.add(new String[] {channel, message});
                }
            });
            sub.sync().psubscribe(RedisPrefix.LARAVEL_DEFAULT.subscribePattern());

            // {"event":"multi.ping","data":{"ping":{"n":1},"socket":"abc123.456"},"socket":"abc123.456"}
            Fixtures.PMessage captured = Fixtures.pmessages("publish-sync.txt").get(3);
            BroadcastMessage laravel = BroadcastMessage.parse(captured.message());
            ObjectNode payload = (ObjectNode) Json.mapper().readTree(laravel.data());
            payload.remove("socket");
            List<String> channels = List.of("poster_room", "private-App.Models.User.1", "presence-chat.1");
            BroadcastJob job = new BroadcastJob(channels, laravel.event(), payload, laravel.socket());

            RedisQueue queue = new RedisQueue(new LettuceScriptExecutor(commands.sync()), RedisPrefix.LARAVEL_DEFAULT);
            queue.clear("publish-test");
            queue.push("publish-test", job.toEnvelope(Instant.now()).toJson());
            ReservedJob reserved = queue.reserve("publish-test", 90, 1).get(0);

            assertThat(queue.publishAndDelete(List.of(new ReservedBroadcast(reserved, job)))).containsExactly(true);

            for (String channel : channels) {
                String[] next = received.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("message on " + channel).isNotNull();
                assertThat(next[0]).isEqualTo("laravel_database_" + channel);
                assertThat(next[1]).isEqualTo(captured.message());
            }
            assertThat(queue.size("publish-test")).isZero();
        } finally {
            client.shutdown();
        }
    }
}
