package io.myuser.sample.tokens;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * jjwt builders and parsers for tests that forge or independently verify tokens, with JSON through Jackson 3.
 */
final class TestJwts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestJwts() {
	}

	static JwtBuilder builder() {
		return Jwts.builder().json(new AbstractSerializer<Map<String, ?>>() {
			@Override
			protected void doSerialize(Map<String, ?> value, OutputStream out) {
				JSON.writeValue(out, value);
			}
		});
	}

	static JwtParserBuilder parser() {
		return Jwts.parser().json(new AbstractDeserializer<Map<String, ?>>() {
			@Override
			@SuppressWarnings("unchecked")
			protected Map<String, ?> doDeserialize(Reader reader) {
				return JSON.readValue(reader, Map.class);
			}
		});
	}

}
