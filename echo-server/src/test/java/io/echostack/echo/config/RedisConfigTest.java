package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code databaseConfig.redis} under ioredis' names, and the Lettuce address {@link RedisClients} makes of it. */
class RedisConfigTest {

    @Test
    void tlsTrueIsTlsWithNodesDefaultsAndVerifies() throws ConfigException {
        RedisConfig redis = redis("{\"host\": \"redis.example\", \"tls\": true}");

        RedisURI uri = RedisClients.uri(redis);
        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getVerifyMode()).isEqualTo(SslVerifyMode.FULL);
        assertThat(redis.describe()).isEqualTo("rediss://redis.example:6379/0");
        assertThat(RedisClients.uri(redis("{\"tls\": false}")).isSsl()).isFalse();
    }

    @Test
    void reconnectsAtLeastEveryTwoSecondsAsIoredisAndShutsItsResourcesDown() throws ConfigException {
        RedisClient client = RedisClients.create(redis("{}"));

        assertThat(client.getResources().reconnectDelay().createDelay(30)).isEqualTo(Duration.ofSeconds(2));
        client.shutdown();
        assertThat(client.getResources().eventExecutorGroup().isShutdown()).isTrue();
    }

    @Test
    void rejectUnauthorizedFalseTurnsVerificationOff() throws ConfigException {
        RedisURI uri = RedisClients.uri(redis("{\"tls\": {\"rejectUnauthorized\": false}}"));

        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getVerifyMode()).isEqualTo(SslVerifyMode.NONE);
    }

    @Test
    void usernameAndPasswordAreAnAclLogin() throws ConfigException {
        RedisURI uri = RedisClients.uri(redis("{\"username\": \"echo\", \"password\": \"s3cret\", \"db\": \"4\"}"));

        assertThat(uri.getCredentialsProvider().resolveCredentials().block().getUsername()).isEqualTo("echo");
        assertThat(uri.getDatabase()).isEqualTo(4);
    }

    @Test
    void optionsDbOfDockerTemplatesIsUsedWhenDbIsAbsent() throws ConfigException {
        assertThat(redis("{\"options\": {\"db\": 3}}").dbOrDefault()).isEqualTo(3);
        assertThat(redis("{\"options\": {\"db\": \"5\"}}").dbOrDefault()).isEqualTo(5);
        assertThat(redis("{\"db\": 1, \"options\": {\"db\": 3}}").dbOrDefault()).isEqualTo(1);
    }

    @Test
    void sentinelsAskForTheNamedMasterWithTheirOwnPassword() throws ConfigException {
        RedisConfig redis = redis("""
                {"sentinels": [{"host": "s1", "port": 26380}, {"host": "s2"}], "name": "mymaster",
                 "password": "master", "sentinelPassword": "sentinel", "tls": {}}
                """);

        RedisURI uri = RedisClients.uri(redis);
        assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 26380),
                        org.assertj.core.groups.Tuple.tuple("s2", 26379));
        assertThat(uri.getSentinels()).allSatisfy(sentinel -> assertThat(
                new String(sentinel.getCredentialsProvider().resolveCredentials().block().getPassword()))
                .isEqualTo("sentinel"));
        // As ioredis: in sentinel mode "tls" reaches the master only with enableTLSForSentinelMode.
        assertThat(uri.isSsl()).isFalse();
        assertThat(redis.describe()).isEqualTo("redis-sentinel://***@s1:26380,s2:26379/0#mymaster");
        assertThat(RedisClients.uri(redis("""
                {"sentinels": [{"host": "s1"}], "name": "m", "tls": {}, "enableTLSForSentinelMode": true}
                """)).isSsl()).isTrue();
    }

    @Test
    void sentinelsWithoutANameAreAnError() {
        assertThatThrownBy(() -> RedisClients.uri(redis("{\"sentinels\": [{\"host\": \"s1\"}]}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs \"name\"");
    }

    private static RedisConfig redis(String json) throws ConfigException {
        return ConfigLoader.parse("{\"databaseConfig\": {\"redis\": " + json + "}}").redis();
    }
}
