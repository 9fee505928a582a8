package io.myuser.autoconfigure.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem answers of MyUser's OpenAPI document: one {@code application/problem+json} response per status,
 * each a {@code $ref} to the {@code Problem} schema, with the headers the contract promises.
 */
final class ProblemResponses {

	static final String PROBLEM_SCHEMA = "Problem";

	static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

	static final String RETRY_AFTER = "Retry-After";

	static final String WWW_AUTHENTICATE = "WWW-Authenticate";

	private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry(400, "Malformed or invalid request; for validation errors, errors names each field."),
			Map.entry(401, "No valid access token, or the credentials were refused."),
			Map.entry(403, "The caller may not do this (now)."),
			Map.entry(404, "Not found, or not the caller's."),
			Map.entry(405, "Method not allowed."),
			Map.entry(409, "In conflict with the current state; Retry-After when trying again may work."),
			Map.entry(410, "Existed but is no longer available."),
			Map.entry(413, "Request body too large."),
			Map.entry(429, "Too many requests; Retry-After says when to ask again."),
			Map.entry(502, "The social provider failed or did not answer in time."),
			Map.entry(503, "MyUser cannot answer now; Retry-After when it knows when."));

	private ProblemResponses() {
	}

	static ApiResponse problem(int status) {
		ApiResponse response = new ApiResponse().description(DESCRIPTIONS.getOrDefault(status, "Problem."))
			.content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
		if (status == 401) {
			response.addHeaderObject(WWW_AUTHENTICATE, new Header().$ref("#/components/headers/" + WWW_AUTHENTICATE));
		}
		if (status == 429) {
			response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
		}
		return response;
	}

}
