package dev.qmark.core.intake;

/**
 * Why one field was refused.
 *
 * @param code stable reason for pages to translate: required, too_long, invalid_email, invalid_rating
 */
public record FieldError(String field, String code, String message) {
}
