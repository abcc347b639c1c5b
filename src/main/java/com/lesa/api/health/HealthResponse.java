package com.lesa.api.health;

/**
 * What the health endpoints say.
 *
 * @param status always {@code healthy} when the process answers
 * @param service the service's name
 * @param version the build version
 * @param environment the {@code ENVIRONMENT} setting
 * @param timestamp the server's current time, ISO-8601 UTC
 */
record HealthResponse(String status, String service, String version, String environment, String timestamp) {
}
