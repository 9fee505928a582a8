package io.myuser.token;

import java.io.OutputStream;
import java.util.Map;

import io.jsonwebtoken.io.AbstractSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets jjwt write JSON with Jackson 3, so no second JSON library is needed.
 */
final class JacksonJwtSerializer extends AbstractSerializer<Map<String, ?>> {

	private final JsonMapper jsonMapper;

	JacksonJwtSerializer(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doSerialize(Map<String, ?> value, OutputStream out) {
		this.jsonMapper.writeValue(out, value);
	}

}
