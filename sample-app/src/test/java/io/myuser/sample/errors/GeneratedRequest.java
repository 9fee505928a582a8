package io.myuser.sample.errors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * One request of the malformed-request corpus, with what the contract allows as an answer.
 *
 * @param index position in the corpus (stable for a seed)
 * @param family the kind of breakage, such as {@code broken-json}
 * @param variant the exact recipe within the family
 * @param method the HTTP method
 * @param path the raw request path (and query), sent as is
 * @param headers header names and values, alternating
 * @param body the body bytes, or {@code null} for none
 * @param chunked whether the body is sent with {@code Transfer-Encoding: chunked} (no length)
 * @param expected the statuses the contract allows
 * @param loginAttempt whether the request is a well-formed login that may reach the password check (and so may
 * leave a {@code LOGIN_FAILED} audit row)
 */
record GeneratedRequest(int index, String family, String variant, String method, String path, List<String> headers,
		byte @Nullable [] body, boolean chunked, Expected expected, boolean loginAttempt) {

	String describe() {
		StringBuilder text = new StringBuilder();
		text.append('#').append(this.index).append(" [").append(this.family).append('/').append(this.variant).append("] ");
		text.append(this.method).append(' ').append(abbreviate(this.path, 200));
		List<String> shown = new ArrayList<>();
		for (int i = 0; i + 1 < this.headers.size(); i += 2) {
			shown.add(this.headers.get(i) + ": " + abbreviate(this.headers.get(i + 1), 120));
		}
		text.append(" headers=").append(shown);
		if (this.body == null) {
			text.append(" body=none");
		}
		else {
			text.append(" body(").append(this.body.length).append(" bytes").append(this.chunked ? ", chunked" : ", Content-Length")
				.append(")=").append(printable(Arrays.copyOf(this.body, Math.min(this.body.length, 200))));
			if (this.body.length > 200) {
				text.append("...");
			}
		}
		text.append(" expected=").append(this.expected.describe());
		return text.toString();
	}

	static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
	}

	/** Printable ASCII as is, everything else as {@code \xNN}. */
	static String printable(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c >= 0x20 && c < 0x7F && c != '\\') {
				text.append((char) c);
			}
			else {
				text.append(String.format("\\x%02X", c));
			}
		}
		return text.toString();
	}

	static String printable(String text) {
		return printable(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The statuses a request may get.
	 *
	 * @param statuses the allowed statuses; empty means any 4xx
	 * @param bearerChallenge whether a 401 must carry {@code WWW-Authenticate: Bearer}
	 * @param fieldErrors whether a 400 must carry {@code errors}, an object of field name to messages
	 * @param errorFields the fields a 400's {@code errors} must name
	 * @param validFields the fields a 400's {@code errors} must not name (their values are valid)
	 */
	record Expected(Set<Integer> statuses, boolean bearerChallenge, boolean fieldErrors, Set<String> errorFields,
			Set<String> validFields) {

		static Expected exactly(int... statuses) {
			Set<Integer> set = new TreeSet<>();
			for (int status : statuses) {
				set.add(status);
			}
			return new Expected(set, false, false, Set.of(), Set.of());
		}

		static Expected anyClientError() {
			return new Expected(Set.of(), false, false, Set.of(), Set.of());
		}

		Expected withBearerChallenge() {
			return new Expected(this.statuses, true, this.fieldErrors, this.errorFields, this.validFields);
		}

		Expected withErrors() {
			return new Expected(this.statuses, this.bearerChallenge, true, this.errorFields, this.validFields);
		}

		Expected withErrorsOn(String field) {
			Set<String> fields = new TreeSet<>(this.errorFields);
			fields.add(field);
			return new Expected(this.statuses, this.bearerChallenge, true, Set.copyOf(fields), this.validFields);
		}

		Expected withoutErrorsOn(String field) {
			Set<String> fields = new TreeSet<>(this.validFields);
			fields.add(field);
			return new Expected(this.statuses, this.bearerChallenge, this.fieldErrors, this.errorFields, Set.copyOf(fields));
		}

		boolean allows(int status) {
			return status >= 400 && status <= 499 && (this.statuses.isEmpty() || this.statuses.contains(status));
		}

		String describe() {
			String text = this.statuses.isEmpty() ? "4xx" : this.statuses.toString();
			if (!this.errorFields.isEmpty()) {
				text += " errors on " + this.errorFields;
			}
			if (!this.validFields.isEmpty()) {
				text += " none on " + this.validFields;
			}
			return text;
		}

	}

}
