package dev.qmark.core.intake;

/**
 * Why one field was refused.
 *
 * @param code stable reason for pages to translate: required, invalid, too_long
 */
public record FieldError(String field, String code, String message) {
}
