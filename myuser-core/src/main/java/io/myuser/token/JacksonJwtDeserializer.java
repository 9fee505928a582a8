package io.myuser.token;

import java.io.Reader;
import java.util.Map;

import io.jsonwebtoken.io.AbstractDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets jjwt read JSON with Jackson 3. Only JSON objects are accepted.
 */
final class JacksonJwtDeserializer extends AbstractDeserializer<Map<String, ?>> {

	private final JsonMapper jsonMapper;

	JacksonJwtDeserializer(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Map<String, ?> doDeserialize(Reader reader) {
		return this.jsonMapper.readValue(reader, Map.class);
	}

}
