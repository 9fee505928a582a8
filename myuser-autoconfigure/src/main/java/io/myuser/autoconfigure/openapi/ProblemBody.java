package io.myuser.autoconfigure.openapi;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The shape of MyUser's problem answers (RFC 9457 {@code application/problem+json}), for the OpenAPI document
 * only: the answers themselves are Spring's {@code ProblemDetail}, written by MyUser's exception handling.
 *
 * @param type the problem type, ending in a stable code such as {@code rate-limited}
 * @param title a short summary of the type
 * @param status the HTTP status
 * @param detail what happened this time, always present
 * @param instance the request path
 * @param errors for validation errors: field name to its messages
 */
@Schema(name = "Problem", description = "An RFC 9457 problem; validation errors add errors: field name to messages.")
record ProblemBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri") URI type,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int status,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String detail, @Nullable URI instance,
		@Nullable Map<String, List<String>> errors) {

}
