package com.lesa.api.security;

/**
 * Who is calling, as far as this service can tell.
 *
 * @param id a stable key for rate limits and logs: {@code user:<sub>}, {@code key:<hash prefix>} or
 * {@code ip:<address>}; never a credential
 * @param identity the LiveKit identity the caller is bound to (jwt mode), or null when it may choose
 * @param name the display name its credential suggests, or null
 */
public record Caller(String id, String identity, String name) {
}
