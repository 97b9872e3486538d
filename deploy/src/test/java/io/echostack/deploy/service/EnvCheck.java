package io.echostack.deploy.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares the variables a deployment gives a container with what the service reads and needs. */
public final class EnvCheck {
    private EnvCheck() {
    }

    /** Human-readable problems, empty when every variable is read and every required one is given. */
    public static List<String> problems(String where, ServiceSpec spec, Set<String> given) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!spec.readEnv().contains(name)) {
                problems.add(where + ": " + name + " is not read by " + spec.name() + " (it reads " + spec.readEnv() + ")");
            }
        }
        for (String name : spec.requiredEnv()) {
            if (!given.contains(name)) {
                problems.add(where + ": " + name + " is required by " + spec.name() + " but not set");
            }
        }
        return problems;
    }
}
