package io.myuser.support.web;

import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.util.AccessPattern;

/**
 * Reads the boolean forms Django REST Framework's BooleanField accepts, so clients written for django-myuser keep
 * working: JSON {@code true}/{@code false}, the numbers {@code 1}/{@code 0}, and the strings
 * {@code true/false, yes/no, on/off, t/f, y/n, 1/0} in any letter case. Anything else is a wrong type (400).
 * <p>
 * A JSON {@code null} is refused too, as BooleanField refuses it unless null is allowed: it is answered 400 with
 * the field named ("This field may not be null."), never read as "leave unchanged". A field left out of the body
 * stays {@code null} for the caller.
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

	/** An explicit JSON {@code null}: refused. */
	@Override
	public Boolean getNullValue(DeserializationContext context) {
		throw InvalidNullException.from(context, null, context.constructType(Boolean.class));
	}

	/** Each null is refused when it is read, so the null value is not a constant to cache. */
	@Override
	public AccessPattern getNullAccessPattern() {
		return AccessPattern.DYNAMIC;
	}

	/** A field left out of the body: no value. */
	@Override
	public @Nullable Object getAbsentValue(DeserializationContext context) {
		return null;
	}

}
