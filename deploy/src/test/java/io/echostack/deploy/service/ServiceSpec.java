package io.echostack.deploy.service;

import java.util.Set;

/**
 * What one container of the stack needs from a deployment, derived from the service's own configuration.
 *
 * @param readEnv     every environment variable the process reads
 * @param requiredEnv the variables a container deployment must set (their defaults only fit a developer machine)
 * @param http        null for a container without an HTTP health endpoint (Redis, PostgreSQL)
 */
public record ServiceSpec(String name, String image, Set<String> readEnv, Set<String> requiredEnv, Http http) {
}
