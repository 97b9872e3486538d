package io.echostack.e2e;

import java.nio.file.Path;

/**
 * Where the stack's servers are and where its services listen.
 *
 * @param repoRoot   the checkout, holding each module's target/
 * @param runDir     logs and generated config go here
 * @param redisHost  Redis host
 * @param redisPort  Redis port
 * @param jdbcUrl    PostgreSQL JDBC URL (api-service posters, queue-worker failed_jobs)
 * @param jdbcUser   PostgreSQL user
 * @param jdbcPassword PostgreSQL password
 * @param apiPort    api-service HTTP port
 * @param workerPort queue-worker health/metrics port
 * @param echoPort   echo-server socket.io port
 */
public record StackConfig(Path repoRoot, Path runDir, String redisHost, int redisPort, String jdbcUrl, String jdbcUser,
                          String jdbcPassword, int apiPort, int workerPort, int echoPort) {

    public String redisUrl() {
        return "redis://" + redisHost + ":" + redisPort;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String workerUrl() {
        return "http://127.0.0.1:" + workerPort;
    }

    public String echoUrl() {
        return "http://127.0.0.1:" + echoPort;
    }
}
