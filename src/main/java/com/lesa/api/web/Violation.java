package com.lesa.api.web;

/**
 * One thing wrong with a request: the field, as the caller spelled it, and what is wrong with it.
 *
 * @param field the JSON field name, or the query parameter
 * @param message what is wrong, without echoing the value
 */
public record Violation(String field, String message) {
}
