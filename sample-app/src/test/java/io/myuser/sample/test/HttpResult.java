package io.myuser.sample.test;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP answer as a test sees it.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body text
 */
public record HttpResult(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	public String contentType() {
		return header("Content-Type");
	}

	public boolean isProblem() {
		String type = contentType();
		return type != null && type.startsWith("application/problem+json");
	}

}
