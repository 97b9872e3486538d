package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.Fixtures;
import io.echostack.events.LettuceScriptExecutor;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The publish script against a real Redis, read back the way laravel-echo-server reads it (PSUBSCRIBE). */
class BroadcastPublisherTest {

    @Test
    void publishesLaravelsExactBytesToEveryPrefixedChannel() throws Exception {
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

            Fixtures.PMessage captured = Fixtures.pmessages("publish-sync.txt").get(3);
            BroadcastMessage message = BroadcastMessage.parse(captured.message());
            new BroadcastPublisher(new LettuceScriptExecutor(commands.sync()), RedisPrefix.LARAVEL_DEFAULT)
                    .publish(List.of("poster_room", "private-App.Models.User.1", "presence-chat.1"), message);

            for (String channel : List.of("laravel_database_poster_room", "laravel_database_private-App.Models.User.1",
                    "laravel_database_presence-chat.1")) {
                String[] next = received.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("message on " + channel).isNotNull();
                assertThat(next[0]).isEqualTo(channel);
                assertThat(next[1]).isEqualTo(captured.message());
            }
        } finally {
            client.shutdown();
        }
    }
}
