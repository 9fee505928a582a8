package io.myuser.social.provider;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reading what providers say: strings that may be absent, and booleans that providers send as JSON booleans or
 * as the strings {@code "true"}/{@code "false"} (Google's tokeninfo).
 */
final class Claims {

	private Claims() {
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNull() || value.isMissingNode() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return (text == null || text.isBlank()) ? null : text;
	}

	static boolean truthy(@Nullable Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof JsonNode node) {
			return node.isBoolean() ? node.booleanValue() : (node.isString() && "true".equalsIgnoreCase(node.asString()));
		}
		return (value instanceof String text) && "true".equalsIgnoreCase(text.strip());
	}

	static boolean truthy(JsonNode node, String field) {
		return truthy(node.path(field));
	}

	static @Nullable String text(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

	static SocialIdentity fromIdToken(SocialProvider provider, Jwt jwt) {
		return new SocialIdentity(provider.id(), jwt.getSubject(), text(jwt, "email"),
				truthy(jwt.getClaims().get("email_verified")), first(text(jwt, "given_name")),
				first(text(jwt, "family_name")), text(jwt, "picture"), text(jwt, "profile"));
	}

	static String first(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
