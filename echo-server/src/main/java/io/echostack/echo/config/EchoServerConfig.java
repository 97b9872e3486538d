package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The effective {@code laravel-echo-server.json}: the file shallow-merged over {@code defaults.json}, with the port
 * rule applied. Keys we do not know are ignored. Built by {@link ConfigLoader}.
 *
 * @param authHost       Laravel base URL(s) for channel auth; a string or an array of strings
 * @param host           listen address; null = all interfaces
 * @param port           the listen port, already extracted by {@link ListenPort}
 * @param socketio       socket.io server options; {@code pingInterval}/{@code pingTimeout} are honoured
 * @param authRequestTimeout milliseconds an auth request to Laravel may take (ours; the reference waits forever)
 * @param authVerifyTls  whether the auth request verifies Laravel's TLS certificate (ours; the reference never does)
 * @param presenceInstanceId names this instance's presence members in Redis, so its next start can remove the ones a
 *                       crash left behind (ours); null = {@code <host>:<port>}
 * @param clientEventMaxBytes the largest whisper {@code data} relayed, in bytes of JSON (ours; the reference has no limit)
 * @param maxChannelsPerSocket how many channels one socket may be in (ours; the reference has no limit)
 * @param sslCertPath    PEM certificate for {@code "protocol": "https"}; {@code sslKeyPath} its key (any PEM format),
 *                       {@code sslCertChainPath} optional intermediates, {@code sslPassphrase} the key's passphrase
 * @param authForwardHeaders handshake headers copied onto the auth request, e.g. {@code ["Origin", "Referer"]} for
 *                       Sanctum (ours; the reference forwards only the Cookie)
 * @param authHeaderAllowlist when set, only these client {@code auth.headers} are forwarded (ours; null = all, as the
 *                       reference)
 * @param headers        added to every HTTP API response and {@code GET /} (name → value), as the reference's Express
 *                       app does; null = none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EchoServerConfig(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> authHost,
        String authEndpoint,
        List<ApiClient> clients,
        String database,
        DatabaseConfig databaseConfig,
        boolean devMode,
        String host,
        int port,
        String protocol,
        ObjectNode socketio,
        Subscribers subscribers,
        ApiOriginAllow apiOriginAllow,
        long authRequestTimeout,
        boolean authVerifyTls,
        String presenceInstanceId,
        int clientEventMaxBytes,
        int maxChannelsPerSocket,
        String sslCertPath,
        String sslKeyPath,
        String sslCertChainPath,
        String sslPassphrase,
        List<String> authForwardHeaders,
        List<String> authHeaderAllowlist,
        Map<String, String> headers) {

    public static final String REDIS = "redis";
    public static final String SQLITE = "sqlite";
    /** laravel-echo-server's default {@code databaseConfig.sqlite.databasePath}. */
    public static final String DEFAULT_SQLITE_PATH = "/database/laravel-echo-server.sqlite";

    public EchoServerConfig withDevMode(boolean devMode) {
        return new EchoServerConfig(authHost, authEndpoint, clients, database, databaseConfig, devMode, host, port,
                protocol, socketio, subscribers, apiOriginAllow, authRequestTimeout, authVerifyTls, presenceInstanceId,
                clientEventMaxBytes, maxChannelsPerSocket, sslCertPath, sslKeyPath, sslCertChainPath, sslPassphrase,
                authForwardHeaders, authHeaderAllowlist, headers);
    }

    public RedisConfig redis() {
        return databaseConfig == null ? RedisConfig.DEFAULT : databaseConfig.redisOrDefault();
    }

    /**
     * The SQLite file of {@code "database": "sqlite"}: the working directory and {@code databasePath} concatenated as
     * text, as laravel-echo-server does, so an existing setup finds its file ({@code "/database/x.sqlite"} is
     * {@code <cwd>/database/x.sqlite}, not a path from the root).
     */
    public Path sqliteFile() {
        String path = databaseConfig == null || databaseConfig.sqlite() == null
                || databaseConfig.sqlite().databasePath() == null ? DEFAULT_SQLITE_PATH
                : databaseConfig.sqlite().databasePath();
        return Path.of(System.getProperty("user.dir") + path);
    }

    public boolean https() {
        return "https".equals(protocol);
    }

    public boolean publishPresence() {
        return databaseConfig != null && Boolean.TRUE.equals(databaseConfig.publishPresence());
    }

    /** {@code presenceInstanceId}, or {@code <host>:<port>} of the bound port. */
    public String presenceInstanceIdOr(int boundPort) {
        return presenceInstanceId == null || presenceInstanceId.isBlank() ? displayHost() + ":" + boundPort
                : presenceInstanceId;
    }

    /** The host as the startup banner shows it. */
    public String displayHost() {
        return host == null || host.isBlank() ? "localhost" : host;
    }
}
