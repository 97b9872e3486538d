package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.KeyStore;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * Embedded Jetty 12 serving socket.io on {@code socketio.path} (default {@code /socket.io/}: socket.io-client 2.x over
 * EIO=3 and 3.x/4.x over EIO=4 on the same port; polling, websocket and the upgrade between them), socket.io-client's
 * browser build there ({@link ClientScriptServlet}), and the {@code GET /} health check.
 */
public final class SocketIoHttpServer {
    private final Server jetty;
    private final ServerConnector connector;
    private final EngineIoServer engineIo;
    private final SocketIoNamespace namespace;
    private final ScheduledThreadPoolExecutor timers;
    private final ServletContextHandler context;
    private final ActiveWebSockets webSockets = new ActiveWebSockets();
    private final PollingWriter pollingWriter;
    private final String path;

    /**
     * @param host null or blank for all interfaces
     * @param port 0 for any free port (see {@link #port()})
     * @param keptHeaders the handshake headers (lower-case names) a websocket connection keeps for
     *     {@code getInitialHeaders()}, the ones read after the upgrade; the rest are collected
     * @param tls the key store to serve HTTPS/WSS with, or null for plain HTTP
     */
    public SocketIoHttpServer(String host, int port, SocketIoSettings socketIo, Set<String> keptHeaders,
                              KeyStore tls) {
        ParserWarnings.install();
        HeartbeatSettings heartbeat = socketIo.heartbeat();
        path = socketIo.path();
        timers = newTimers();
        pollingWriter = new PollingWriter(new PollingBacklog(timers));
        EngineIoServerOptions engineOptions = EngineIoServerOptions.newFromDefault()
                .setPingInterval(heartbeat.pingIntervalMillis())
                .setPingTimeout(heartbeat.pingTimeoutMillis())
                .setAllowedCorsOrigins(EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL);
        engineOptions.setScheduledExecutorService(timers);
        engineIo = new EngineIoServer(engineOptions);
        // Before socket.io-server's own connection listener, which sends the CONNECT packet and listens for data.
        engineIo.on("connection", args -> {
            Eio3ConnectPacket.rewriteFor((EngineIoSocket) args[0]);
            ReceivedPacket.recordBefore((EngineIoSocket) args[0]);
        });
        SocketIoServerOptions socketOptions = SocketIoServerOptions.newFromDefault()
                .setAdapterFactory(new LocalRoomAdapter.Factory(webSockets, pollingWriter));
        namespace = new SocketIoServer(engineIo, socketOptions).namespace("/");
        engineIo.on("connection", args -> ReceivedPacket.forgetAfter((EngineIoSocket) args[0]));

        jetty = new Server();
        connector = tls == null ? new ServerConnector(jetty, new HttpConnectionFactory(httpConfiguration()))
                : tlsConnector(jetty, tls);
        connector.setHost(host == null || host.isBlank() ? null : host);
        connector.setPort(port);
        connector.setIdleTimeout(heartbeat.idleTimeout().toMillis());
        jetty.addConnector(connector);

        context = new ServletContextHandler("/");
        ServletHolder engineIoServlet =
                new ServletHolder(new EngineIoServlet(engineIo, socketIo.origins(), socketIo.cookie()));
        engineIoServlet.setAsyncSupported(true);
        context.addServlet(engineIoServlet, path + "/*");
        if (socketIo.serveClient()) {
            // Exact mappings win over the prefix above.
            ServletHolder clientScript = new ServletHolder(new ClientScriptServlet());
            context.addServlet(clientScript, path + ClientScriptServlet.SCRIPT);
            context.addServlet(clientScript, path + ClientScriptServlet.SOURCE_MAP);
        }
        // "" is the servlet spec's exact match for the context root (the default servlet, "/", takes the rest).
        context.addServlet(new ServletHolder(new HealthServlet()), "");
        WebSocketUpgradeHandler webSocketUpgrades = new WebSocketUpgradeHandler();
        webSocketUpgrades.addMapping(path + "/*", new EngineIoNegotiator(engineIo, heartbeat.idleTimeout(),
                socketIo.origins(), keptHeaders, timers, webSockets));
        jetty.setHandler(new Handler.Sequence(new TraceRefused(), new WebSocketUpgrades(webSocketUpgrades), context));
        jetty.setStopAtShutdown(false);
    }

    /** Serves more HTTP routes next to socket.io (before {@link #start()}). */
    public void mount(String pathSpec, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), pathSpec);
    }

    /** Filters every request but socket.io's own (before {@link #start()}). */
    public void filter(Filter filter) {
        context.addFilter(new FilterHolder((Filter) (request, response, chain) -> {
            if (((HttpServletRequest) request).getRequestURI().startsWith(path + "/")) {
                chain.doFilter(request, response);
            } else {
                filter.doFilter(request, response, chain);
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** Binds the listen port without serving yet, so {@link #port()} is known (port 0) before {@link #start()}. */
    public void bind() throws IOException {
        connector.open();
    }

    public void start() throws Exception {
        jetty.start();
    }

    /** The bound port (useful after starting on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The default namespace {@code /}, the only one laravel-echo uses. */
    public SocketIoNamespace namespace() {
        return namespace;
    }

    /** engine.io sessions carried by a websocket (handshaken over it or upgraded): broadcasts write to these. */
    int webSocketSessions() {
        return webSockets.size();
    }

    public LocalRoomAdapter rooms() {
        return (LocalRoomAdapter) namespace.getAdapter();
    }

    public void stop() throws Exception {
        try {
            jetty.stop();
        } finally {
            engineIo.shutdown();
            timers.shutdownNow();
            pollingWriter.close();
        }
    }

    private static ServerConnector tlsConnector(Server jetty, KeyStore keyStore) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
        HttpConfiguration https = httpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
    }

    /** No {@code Server: Jetty(…)} header: neither Node server (socket.io 2 or 4, Express) names itself. */
    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        return http;
    }

    /**
     * engine.io cancels and reschedules a ping-timeout task on every inbound packet; without removeOnCancel the
     * library's own pool keeps every cancelled task queued until its deadline.
     */
    private static ScheduledThreadPoolExecutor newTimers() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "engineio-timer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
