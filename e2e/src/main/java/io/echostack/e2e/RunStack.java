package io.echostack.e2e;

import io.echostack.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./run.sh}: the whole stack on embedded defaults, in the foreground until Ctrl-C.
 * Redis: {@code redis-server} on PATH, else the Maven-shipped binary. PostgreSQL: the Maven-shipped binaries, data kept
 * in {@code .run/postgres} between runs. api-service on 8080, queue-worker on 8081, echo-server on 6001 (override with
 * the environment variables API_PORT, WORKER_PORT, ECHO_PORT, REDIS_PORT). Arguments: the checkout, and optionally
 * the directory for logs and data (default {@code <checkout>/.run}).
 */
public final class RunStack {
    private RunStack() {
    }

    public static void main(String[] args) throws Exception {
        Path repoRoot = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path runDir = args.length > 1 ? Path.of(args[1]).toAbsolutePath().normalize() : repoRoot.resolve(".run");
        Files.createDirectories(runDir);
        int redisPort = port("REDIS_PORT", FreePorts.next());

        LocalRedis redis = LocalRedis.start(redisPort, runDir.resolve("redis.log"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(runDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next())
                .start();
        StackConfig config = new StackConfig(repoRoot, runDir, "127.0.0.1", redis.port(),
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                port("API_PORT", 8080), port("WORKER_PORT", 8081), port("ECHO_PORT", 6001));

        EchoStack[] stack = new EchoStack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Echo Stack...");
            if (stack[0] != null) {
                stack[0].close();
            }
            closeQuietly(postgres);
            closeQuietly(redis);
        }, "run-stack-stop"));

        System.out.println("Redis      " + config.redisUrl() + "  (" + redis.kind() + ")");
        System.out.println("PostgreSQL " + config.jdbcUrl() + "  (embedded, data in .run/postgres)");
        System.out.println("Starting echo-server, queue-worker and api-service (logs in .run/*.log)...");
        stack[0] = EchoStack.start(config);

        System.out.println();
        System.out.println("Echo Stack is running:");
        System.out.println("  api-service   " + config.apiUrl() + "   (POST /api/posters, health /q/health)");
        System.out.println("  queue-worker  " + config.workerUrl() + "   (health /q/health)");
        System.out.println("  echo-server   " + config.echoUrl() + "   (socket.io 2 and 4 clients; GET / says OK)");
        System.out.println("  echo API      " + config.echoUrl() + "/apps/" + EchoStack.API_APP_ID + "/status?auth_key="
                + EchoStack.API_KEY + "   (also /channels, POST /events)");
        System.out.println("  admin page    " + config.apiUrl() + "/admin   (log in as " + EchoStack.ADMIN_EMAIL + " / "
                + EchoStack.ADMIN_PASSWORD + ")");
        System.out.println("  logs          " + runDir + "/{api-service,queue-worker,echo-server}.log");
        System.out.println();
        System.out.println("Try: curl -H 'Content-Type: application/json' -d '{\"email\":\"" + EchoStack.ADMIN_EMAIL
                + "\",\"password\":\"" + EchoStack.ADMIN_PASSWORD + "\"}' " + config.apiUrl()
                + "/api/login   (gives a token)");
        System.out.println("     curl -X POST -H 'Authorization: Bearer <token>' -H 'Content-Type: application/json' "
                + "-d '{\"title\":\"hi\"}' " + config.apiUrl() + "/api/posters");
        System.out.println("Press Ctrl-C to stop everything.");
        watch(stack[0]);
    }

    /**
     * Returns only if a service dies on its own; the exit then runs the shutdown hook, which stops the rest. Services
     * the hook stops (Ctrl-C) are not reported.
     */
    private static void watch(EchoStack stack) throws InterruptedException {
        while (true) {
            Optional<ServiceProcess> dead = stack.exitedByItself();
            if (dead.isPresent()) {
                System.err.println(dead.get().name() + " stopped unexpectedly; last log lines:\n" + dead.get().logTail());
                System.exit(1);
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
    }

    private static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
