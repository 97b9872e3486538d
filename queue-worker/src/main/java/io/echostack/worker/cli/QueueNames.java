package io.echostack.worker.cli;

import java.util.ArrayList;
import java.util.List;

/** Artisan's queue arguments: {@code default,high} or {@code redis:default,redis:high}, on this worker's connection. */
final class QueueNames {
    private QueueNames() {
    }

    /** @throws IllegalArgumentException a name is blank or names another connection */
    static List<String> parse(String list, String connection) {
        List<String> names = new ArrayList<>();
        for (String entry : list.split(",")) {
            String name = entry.strip();
            int colon = name.indexOf(':');
            if (colon >= 0) {
                checkConnection(name.substring(0, colon), connection);
                name = name.substring(colon + 1);
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("queue names must not be blank: '" + list + "'");
            }
            names.add(name);
        }
        return names;
    }

    static void checkConnection(String given, String connection) {
        if (given != null && !given.equals(connection)) {
            throw new IllegalArgumentException("unknown queue connection [" + given + "]; this worker serves ["
                    + connection + "]");
        }
    }
}
