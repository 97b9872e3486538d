package io.echostack.echo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.transport.LocalRoomAdapter;
import io.echostack.events.broadcast.ChannelName;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read side of laravel-echo-server's HTTP API, in its JSON shapes: counts are this instance's sockets, presence
 * users come from the shared store. {@code memory_usage} keeps Node's field names with the JVM's closest numbers
 * (rss, heap committed/used, non-heap, direct buffers), in bytes.
 */
final class ChannelsApi {
    private final LocalRoomAdapter rooms;
    private final BoundedPresenceReads presence;

    ChannelsApi(LocalRoomAdapter rooms, BoundedPresenceReads presence) {
        this.rooms = rooms;
        this.presence = presence;
    }

    ObjectNode status() {
        ObjectNode status = Json.mapper().createObjectNode();
        status.put("subscription_count", rooms.connectedCount());
        status.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        Runtime runtime = Runtime.getRuntime();
        ObjectNode memory = status.putObject("memory_usage");
        memory.put("rss", residentSetSize(runtime.totalMemory()));
        memory.put("heapTotal", runtime.totalMemory());
        memory.put("heapUsed", runtime.totalMemory() - runtime.freeMemory());
        memory.put("external", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
        memory.put("arrayBuffers", ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName())).mapToLong(BufferPoolMXBean::getMemoryUsed).sum());
        return status;
    }

    /** Every occupied channel (not the sockets' own rooms), optionally only those starting with {@code prefix}. */
    ObjectNode channels(String prefix) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode channels = body.putObject("channels");
        Map<String, Integer> sizes = new TreeMap<>(rooms.channelSizes());
        sizes.forEach((name, size) -> {
            if (prefix == null || name.startsWith(prefix)) {
                channels.putObject(name).put("subscription_count", size).put("occupied", true);
            }
        });
        return body;
    }

    ObjectNode channel(String name) throws BoundedPresenceReads.Unavailable {
        int size = rooms.roomSize(name);
        ObjectNode body = Json.mapper().createObjectNode().put("subscription_count", size).put("occupied", size > 0);
        if (ChannelName.of(name).isPresence()) {
            body.put("user_count", presence.members(name).userCount());
        }
        return body;
    }

    /** Null when the channel is not a presence channel. */
    ObjectNode users(String name) throws BoundedPresenceReads.Unavailable {
        if (!ChannelName.of(name).isPresence()) {
            return null;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("users", presence.members(name).users());
        return body;
    }

    /** VmRSS of /proc/self/status where there is one (Linux), else the committed heap. */
    private static long residentSetSize(long fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return fallback;
    }
}
