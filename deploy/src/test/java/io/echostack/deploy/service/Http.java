package io.echostack.deploy.service;

/**
 * What a service serves for its orchestrator: its port, the health paths, and its Prometheus path (null: none).
 */
public record Http(int port, String readinessPath, String livenessPath, String metricsPath) {
}
