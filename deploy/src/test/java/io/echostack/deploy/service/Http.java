package io.echostack.deploy.service;

/** What a service serves for its orchestrator: its port and the health paths. */
public record Http(int port, String readinessPath, String livenessPath) {
}
