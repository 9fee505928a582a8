package io.myuser.sample.social.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * What the fakes share: JSON answers, request matchers that WireMock's own patterns cannot express (client
 * authentication by either method, a parameter in the query or the form, an {@code appsecret_proof}), and the
 * hashes they need.
 */
final class Stubs {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Stubs made by a test; they win over the catch-alls below. */
	static final int STUB = 5;

	/** Catch-alls that refuse a malformed or unauthenticated call. */
	static final int REFUSAL = 7;

	/** Catch-alls that refuse a call whose credentials were right but whose token or code is unknown. */
	static final int UNKNOWN = 9;

	private Stubs() {
	}

	/**
	 * An ordered map from alternating keys and values; values may be null (written as JSON null).
	 * @param keysAndValues key, value, key, value, ...
	 * @return the map
	 */
	static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Keys and values must pair up");
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return map;
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A JSON answer as most providers send it. */
	static ResponseDefinitionBuilder jsonAnswer(int status, Object body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(json(body));
	}

	/** A matcher from a predicate on the request. */
	static ValueMatcher<Request> when(Predicate<Request> predicate) {
		return (request) -> MatchResult.of(predicate.test(request));
	}

	/**
	 * A request parameter from the query, else from an {@code application/x-www-form-urlencoded} body.
	 * @param request the request
	 * @param name the parameter name
	 * @return the first value, or null when the request has none
	 */
	static @Nullable String param(Request request, String name) {
		QueryParameter query = request.queryParameter(name);
		if (query.isPresent()) {
			return query.firstValue();
		}
		return form(request, name);
	}

	/**
	 * A form field of the body.
	 * @param request the request
	 * @param name the field name
	 * @return the first value, or null when the body has none
	 */
	static @Nullable String form(Request request, String name) {
		String type = request.getHeader("Content-Type");
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			return null;
		}
		FormParameter field = request.formParameter(name);
		return field.isPresent() ? field.firstValue() : null;
	}

	/**
	 * Whether the request authenticates the client by HTTP Basic ({@code client_secret_basic}, with the
	 * form-urlencoding RFC 6749 2.3.1 asks for) or by form fields ({@code client_secret_post}).
	 * @param request the request
	 * @param clientId the client id
	 * @param secret the client secret
	 * @param allowBasic whether the provider takes HTTP Basic
	 * @return whether the request carries exactly these credentials
	 */
	static boolean clientAuthenticated(Request request, String clientId, String secret, boolean allowBasic) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && allowBasic) {
			String[] credentials = basicCredentials(authorization);
			return credentials != null && credentials[0].equals(clientId) && credentials[1].equals(secret);
		}
		return clientId.equals(form(request, "client_id")) && secret.equals(form(request, "client_secret"));
	}

	/**
	 * The user and password of an HTTP Basic header, each form-urldecoded.
	 * @param authorization the header value
	 * @return user and password, or null when the header is not a well-formed Basic one
	 */
	static String @Nullable [] basicCredentials(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return null;
		}
		return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
				URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
	}

	/**
	 * Whether the request carries this bearer token in its {@code Authorization} header (scheme case-insensitive,
	 * RFC 6750 2.1). GitHub also takes the scheme {@code token}.
	 */
	static boolean carriesBearer(Request request, String token, boolean allowTokenScheme) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null) {
			return false;
		}
		int space = authorization.indexOf(' ');
		if (space < 0) {
			return false;
		}
		String scheme = authorization.substring(0, space);
		boolean schemeOk = scheme.equalsIgnoreCase("Bearer") || (allowTokenScheme && scheme.equalsIgnoreCase("token"));
		return schemeOk && authorization.substring(space + 1).trim().equals(token);
	}

	/** Whether the request asks for JSON in its {@code Accept} header. */
	static boolean acceptsJson(Request request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
	}

	/** Lowercase hex HMAC-SHA256 of {@code data} keyed by {@code key}. */
	static String hmacSha256Hex(String key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256Base64(String data) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
