package io.myuser.sample.social.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A call that reached the fake providers, as a test asserts on it: what MyUser sent, in the order it sent it.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param url the path and raw query, relative to {@link FakeProviders#baseUrl()}, as sent
 * @param path the path alone
 * @param query the decoded query parameters, in order
 * @param headers the headers, names in lower case
 * @param body the body text, empty when none
 */
public record FakeRequest(String method, String url, String path, Map<String, List<String>> query,
		Map<String, List<String>> headers, String body) {

	static FakeRequest of(Request request) {
		String url = request.getUrl();
		int question = url.indexOf('?');
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.addAll(header.values());
		}
		return new FakeRequest(request.getMethod().getName(), url, (question < 0) ? url : url.substring(0, question),
				decode((question < 0) ? "" : url.substring(question + 1)), Collections.unmodifiableMap(headers),
				request.getBodyAsString());
	}

	/**
	 * The first value of a query parameter.
	 * @param name the parameter name
	 * @return the decoded value, or null when the URL has none
	 */
	public @Nullable String query(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or null when the request has none
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The first value of a field of an {@code application/x-www-form-urlencoded} body.
	 * @param name the field name
	 * @return the decoded value, or null when the body has none
	 */
	public @Nullable String form(String name) {
		List<String> values = decode(this.body).get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The body parsed as JSON. */
	public JsonNode json() {
		return Stubs.JSON.readTree(this.body);
	}

	private static Map<String, List<String>> decode(String encoded) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), (k) -> new ArrayList<>())
				.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

}
