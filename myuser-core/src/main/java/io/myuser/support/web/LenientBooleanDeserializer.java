package io.myuser.support.web;

import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads the boolean forms Django REST Framework's BooleanField accepts, so clients written for django-myuser keep
 * working: JSON {@code true}/{@code false}, the numbers {@code 1}/{@code 0}, and the strings
 * {@code true/false, yes/no, on/off, t/f, y/n, 1/0} in any letter case. Anything else is a wrong type (400).
 */
public final class LenientBooleanDeserializer extends StdScalarDeserializer<Boolean> {

	private static final Set<String> TRUE = Set.of("true", "yes", "on", "t", "y", "1");

	private static final Set<String> FALSE = Set.of("false", "no", "off", "f", "n", "0");

	public LenientBooleanDeserializer() {
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
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
			int value = parser.getIntValue();
			if (value == 1 || value == 0) {
				return value == 1;
			}
		}
		if (token == JsonToken.VALUE_STRING) {
			String text = parser.getString().strip().toLowerCase(Locale.ROOT);
			if (TRUE.contains(text)) {
				return Boolean.TRUE;
			}
			if (FALSE.contains(text)) {
				return Boolean.FALSE;
			}
		}
		return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
	}

}
