package io.myuser.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a JSON string and nothing else: a number, boolean, array or object where text is expected is a wrong
 * type (400), not something to coerce. Put on the text fields of MyUser request bodies with
 * {@code @JsonDeserialize(using = StrictStringDeserializer.class)}.
 */
public final class StrictStringDeserializer extends StdScalarDeserializer<String> {

	public StrictStringDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
