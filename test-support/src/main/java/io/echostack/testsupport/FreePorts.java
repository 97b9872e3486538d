package io.echostack.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on 127.0.0.1, for servers started by tests. Ports come from below the kernel's ephemeral range: a
 * port the kernel hands out for port 0 may become the local end of some outgoing connection (the tests' clients open
 * thousands) between this check and the server's own bind, and that server then fails to start.
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    /** Linux's default start of the ephemeral range (macOS and Windows start theirs at 49152). */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port between " + LOWEST + " and " + end);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralStart() {
        // A line read, not Files.readString: that one trusts procfs's file size and gets the first byte only.
        try (BufferedReader range = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            int start = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
