package io.myuser.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a JSON {@code true} or {@code false} and nothing else; {@code "true"} or {@code 1} are wrong types (400).
 */
public final class StrictBooleanDeserializer extends StdScalarDeserializer<Boolean> {

	public StrictBooleanDeserializer() {
		super(Boolean.class);
	}

	@Override
	public Boolean deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_TRUE) {
			return Boolean.TRUE;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return Boolean.FALSE;
		}
		return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
	}

}
