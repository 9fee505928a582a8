package io.myuser.sample.errors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.myuser.sample.errors.GeneratedRequest.Expected;
import io.myuser.sample.errors.MalformedRequestGenerator.Draft;

/**
 * The recipes of {@link MalformedRequestGenerator} for the routes beyond {@code token/} and {@code profile/}:
 * {@code token/refresh/}, {@code token/verify/}, {@code logout/}, {@code sessions/}, {@code sessions/{id}/},
 * {@code registration/} (and its {@code verify-email/} and {@code resend-email/}), {@code password/reset/},
 * {@code password/reset/confirm/} and {@code password/change/}.
 * <p>
 * Nothing here is well-formed and right at once, so no request may write anything: registrations are always
 * broken (a well-formed one would create a user), {@code password/reset/} and {@code resend-email/} are only sent
 * malformed (a well-formed one answers 200), the owner's own refresh token, session id and password are never sent
 * (they would rotate, revoke or change something), and every {@code logout/} carries a {@code refresh} that is not
 * the caller's, is not valid JSON, or goes with a bad bearer token (an empty or {@code {}} body with a good bearer
 * token would end the owner's session).
 */
final class AccountRoutes {

	private static final String JSON = "application/json";

	/** What kind of value a field holds. */
	private enum Kind {

		EMAIL, PASSWORD, TOKEN, NAME, BOOLEAN

	}

	private record Field(String name, Kind kind, int maxLength, boolean required) {
	}

	/**
	 * A JSON route.
	 *
	 * @param name short name used in variant names
	 * @param path the path under the base path, without the trailing slash
	 * @param authenticated whether it needs a bearer token
	 * @param fields the body's fields
	 * @param wellFormedStatus what a well-formed body with wrong values gets, or 0 if such a body must not be
	 * sent (it would succeed or write rows)
	 */
	private record Route(String name, String path, boolean authenticated, List<Field> fields, int wellFormedStatus) {

		boolean isLogout() {
			return this.name.equals("logout");
		}

	}

	private final MalformedRequestGenerator g;

	private final List<Route> routes;

	AccountRoutes(MalformedRequestGenerator generator) {
		this.g = generator;
		Field email = new Field("email", Kind.EMAIL, 254, true);
		this.routes = List.of(
				new Route("refresh", "/token/refresh", false, List.of(new Field("refresh", Kind.TOKEN, 8192, true)), 401),
				new Route("verify", "/token/verify", false, List.of(new Field("token", Kind.TOKEN, 8192, true)), 401),
				new Route("logout", "/logout", true, List.of(new Field("refresh", Kind.TOKEN, 8192, true),
						new Field("all", Kind.BOOLEAN, 0, false)), 400),
				new Route("registration", "/registration", false, List.of(email,
						new Field("password1", Kind.PASSWORD, 4096, true), new Field("password2", Kind.PASSWORD, 4096, true),
						new Field("first_name", Kind.NAME, 150, false), new Field("last_name", Kind.NAME, 150, false)), 0),
				new Route("verify-email", "/registration/verify-email", false,
						List.of(new Field("key", Kind.TOKEN, 256, true)), 400),
				new Route("resend-email", "/registration/resend-email", false, List.of(email), 0),
				new Route("reset", "/password/reset", false, List.of(email), 0),
				new Route("reset-confirm", "/password/reset/confirm", false, List.of(new Field("token", Kind.TOKEN, 256, true),
						new Field("uid", Kind.NAME, 256, false), new Field("new_password1", Kind.PASSWORD, 4096, true),
						new Field("new_password2", Kind.PASSWORD, 4096, true)), 400),
				new Route("change", "/password/change", true, List.of(new Field("old_password", Kind.PASSWORD, 4096, true),
						new Field("new_password1", Kind.PASSWORD, 4096, true), new Field("new_password2", Kind.PASSWORD, 4096, true)),
						400));
	}

	void register() {
		for (Route route : this.routes) {
			brokenJson(route);
			nonObject(route);
			for (Field field : route.fields()) {
				wrongType(route, field);
			}
			missingAndBlank(route);
			overlong(route);
			oddUnicode(route);
			huge(route);
			contentType(route);
			wrongMethod(route);
			if (route.authenticated()) {
				badBearer(route);
			}
		}
		wrongValues();
		sessions();
	}

	// ---------------------------------------------------------------- families, per route

	private void brokenJson(Route route) {
		String f = "broken-json";
		add(f, route.name() + "-syntax", route, (r) -> {
			String full = body(route, base(route));
			String broken = switch (this.g.nextInt(10)) {
				case 0 -> full.substring(0, 1 + this.g.nextInt(full.length() - 1));
				case 1 -> full.replace('"', '\'');
				case 2 -> full.replaceFirst("}\\s*$", ",}");
				case 3 -> full.replaceFirst("\"([a-z_0-9]+)\"\\s*:", "$1:");
				case 4 -> full.replaceFirst("\\{", "{/* c */");
				case 5 -> full.replaceFirst(":", " ");
				case 6 -> full.replaceFirst("\"\\s*}\\s*$", "\\\\q\"}");
				case 7 -> full + this.g.pick(" xyz", "}", "]", ",", "{}");
				case 8 -> full.replaceFirst(":\\s*\"", ":\"\\\\u12G4");
				default -> "{\"" + route.fields().get(0).name() + "\":" + this.g.pick("NaN", "Infinity", "undefined", "01", ".5",
						"0x1F", "'x'", "\"unterminated") + "}";
			};
			if (broken.equals(full)) {
				broken = full + "}";
			}
			r.json(broken, Expected.exactly(400));
		});
		add(f, route.name() + "-bytes", route, (r) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(("{\"" + route.fields().get(0).name() + "\":\"ab").getBytes(StandardCharsets.US_ASCII));
			switch (this.g.nextInt(4)) {
				case 0 -> out.writeBytes(this.g.pick(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xFF },
						new byte[] { (byte) 0xC3, (byte) 0x28 }, new byte[] { (byte) 0xE2, (byte) 0x82 }));
				case 1 -> out.writeBytes(new byte[] { (byte) this.g.pickInt(0x00, 0x01, 0x0A, 0x1F) });
				case 2 -> out.writeBytes(new byte[] { (byte) 0xF0, (byte) 0x9F });
				default -> out.writeBytes(new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 });
			}
			out.writeBytes("cd\"}".getBytes(StandardCharsets.US_ASCII));
			byte[] bytes = out.toByteArray();
			if (this.g.nextInt(4) == 0) {
				bytes = java.util.Arrays.copyOf(bytes, bytes.length - 2);
			}
			r.jsonBytes(bytes, Expected.exactly(400));
		});
		add(f, route.name() + "-deep-nesting", route, (r) -> {
			int depth = 1500 + this.g.nextInt(3500);
			r.json(this.g.pick("[".repeat(depth) + "]".repeat(depth),
					"{\"x\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"), Expected.exactly(400));
		});
		if (!route.isLogout()) {
			// An empty or blank body is no body: for logout/ that is a well-formed logout.
			add(f, route.name() + "-empty", route, (r) -> r.json(this.g.pick("", " ", "\n", "\t \r\n "), Expected.exactly(400)));
		}
	}

	private void nonObject(Route route) {
		add("non-object", route.name(), route, (r) -> {
			List<String> values = new ArrayList<>(List.of("[]", "[" + body(route, base(route)) + "]",
					Long.toString(this.g.random.nextLong()), "3.14", "1e999999", "\"" + this.g.word(1, 20) + "\"", "true", "false",
					"9".repeat(1000 + this.g.nextInt(5000))));
			if (!route.isLogout()) {
				// JSON null is no body: for logout/ that is a well-formed logout.
				values.add("null");
			}
			r.json(values.get(this.g.nextInt(values.size())), Expected.exactly(400));
		});
	}

	private void wrongType(Route route, Field field) {
		add("wrong-type", route.name() + "-" + field.name(), route, (r) -> {
			Map<String, String> fields = base(route);
			String value;
			if (field.kind() == Kind.BOOLEAN) {
				value = this.g.pick("\"true\"", "\"false\"", "1", "0", "\"yes\"", "{}", "[]", "[true]", "{\"all\":true}", "\"\"");
			}
			else {
				value = this.g.pick("12345", "-1", "0", "1.5e10", "true", "false", "{}", "[]",
						"{\"" + field.name() + "\":" + MalformedRequestGenerator.str(this.g.word(1, 10)) + "}",
						"[" + MalformedRequestGenerator.str(this.g.word(1, 10)) + "]", "[1,2]");
			}
			fields.put(field.name(), value);
			r.json(body(route, fields), Expected.exactly(400).withErrors());
		});
	}

	private void missingAndBlank(Route route) {
		if (route.isLogout()) {
			// Every field of logout/ is optional: a body without one is a well-formed logout.
			return;
		}
		List<Field> required = route.fields().stream().filter(Field::required).toList();
		add("missing-field", route.name(), route, (r) -> {
			Map<String, String> fields = base(route);
			switch (this.g.nextInt(4)) {
				case 0 -> fields.clear();
				case 1 -> fields.put(this.g.pick(required.toArray(new Field[0])).name(), "null");
				case 2 -> {
					fields.clear();
					fields.put(this.g.pick("Email", "EMAIL", "e-mail", "refresh_token", "Token", "KEY", "password"),
							MalformedRequestGenerator.str(this.g.word(8, 20)));
				}
				default -> fields.remove(this.g.pick(required.toArray(new Field[0])).name());
			}
			r.json(body(route, fields), Expected.exactly(400));
		});
		add("blank-field", route.name(), route, (r) -> {
			Map<String, String> fields = base(route);
			// One field only: registration's two passwords then differ, or one is missing.
			fields.put(this.g.pick(required.toArray(new Field[0])).name(), this.g.pick("\"\"", "\" \"",
					MalformedRequestGenerator.str(" ".repeat(1 + this.g.nextInt(300))), "\"\\t\"", "\"\\n\\r\"", "\" \\t \\n \""));
			r.json(body(route, fields), Expected.exactly(400));
		});
	}

	private void overlong(Route route) {
		List<Field> bounded = route.fields().stream().filter((field) -> field.maxLength() > 0).toList();
		add("overlong", route.name(), route, (r) -> {
			Field field = bounded.get(this.g.nextInt(bounded.size()));
			Map<String, String> fields = base(route);
			int length = field.maxLength() + 1 + (this.g.random.nextBoolean() ? 0 : this.g.nextInt(4 * field.maxLength()));
			String value = (field.kind() == Kind.EMAIL) ? this.g.overlongEmail(length) : this.g.filler(length);
			fields.put(field.name(), this.g.random.nextBoolean() ? MalformedRequestGenerator.str(value)
					: MalformedRequestGenerator.escaped(value));
			if (route.name().equals("registration") && field.kind() == Kind.PASSWORD) {
				// Both the same, so that the length (not a mismatch) is what is refused.
				fields.put("password1", fields.get(field.name()));
				fields.put("password2", fields.get(field.name()));
			}
			r.sized(body(route, fields));
		});
	}

	private void oddUnicode(Route route) {
		List<Field> texts = route.fields().stream().filter((field) -> field.kind() != Kind.BOOLEAN).toList();
		add("odd-unicode", route.name() + "-escaped", route, (r) -> {
			Field field = texts.get(this.g.nextInt(texts.size()));
			Map<String, String> fields = base(route);
			String odd = switch (this.g.nextInt(8)) {
				case 0 -> "\u0000";
				case 1 -> Character.toString(1 + this.g.nextInt(31));
				case 2 -> "\u007f";
				case 3 -> Character.toString(0x80 + this.g.nextInt(32));
				case 4 -> Character.toString((char) (0xD800 + this.g.nextInt(0x400)));
				case 5 -> Character.toString((char) (0xDC00 + this.g.nextInt(0x400)));
				case 6 -> "\udc00\ud800";
				default -> this.g.pick("\uffff", "\ufffe");
			};
			String value = value(field);
			int at = this.g.nextInt(value.length() + 1);
			value = value.substring(0, at) + odd + value.substring(at);
			fields.put(field.name(), this.g.random.nextBoolean() ? MalformedRequestGenerator.escaped(value)
					: MalformedRequestGenerator.str(value));
			if (route.name().equals("registration") && field.kind() == Kind.PASSWORD) {
				fields.put("password1", fields.get(field.name()));
				fields.put("password2", fields.get(field.name()));
			}
			r.json(body(route, fields), Expected.exactly(400));
		});
		add("odd-unicode", route.name() + "-surrogate-bytes", route, (r) -> {
			Field field = texts.get(this.g.nextInt(texts.size()));
			Map<String, String> fields = base(route);
			String marker = "SURROGATE" + this.g.word(4, 4);
			fields.put(field.name(), "\"ab" + marker + "cd\"");
			if (route.name().equals("registration") && field.kind() == Kind.PASSWORD) {
				fields.put("password1", fields.get(field.name()));
				fields.put("password2", fields.get(field.name()));
			}
			String text = body(route, fields);
			byte[] surrogate = { (byte) 0xED, (byte) (0xA0 + this.g.nextInt(0x20)), (byte) (0x80 + this.g.nextInt(0x40)) };
			String[] parts = text.split(marker, -1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					out.writeBytes(surrogate);
				}
				out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
			}
			r.jsonBytes(out.toByteArray(), Expected.exactly(400));
		});
	}

	private void huge(Route route) {
		add("huge-body", route.name(), route, (r) -> {
			Field field = route.fields().get(0);
			String prefix = "{\"" + field.name() + "\":\"";
			int size = MalformedRequestGenerator.BODY_LIMIT + 1 + (this.g.random.nextBoolean() ? 0 : this.g.nextInt(300_000));
			byte[] bytes = this.g.nextInt(4) == 0 ? this.g.randomBytes(size)
					: (prefix + "h".repeat(size - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
			r.huge(this.g.random.nextBoolean(), bytes);
		});
	}

	private void contentType(Route route) {
		add("content-type", route.name(), route, (r) -> {
			String json = body(route, base(route));
			List<String> types = new ArrayList<>(List.of("text/plain", "text/plain; charset=UTF-8", "application/xml",
					"application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=" + this.g.word(8, 20),
					"multipart/form-data", "none"));
			if (!route.isLogout()) {
				// logout/ names no media type, so JSON in any +json type is read (and refused as a bad token, 400).
				types.addAll(List.of("application/vnd.api+json", "application/problem+json", "text/json", "application/x-json"));
			}
			String type = types.get(this.g.nextInt(types.size()));
			String text = json;
			if (type.contains("urlencoded") && this.g.random.nextBoolean()) {
				text = route.fields().get(0).name() + "=" + this.g.word(8, 20);
			}
			else if (type.startsWith("multipart/form-data; boundary=")) {
				String boundary = type.substring(type.indexOf('=') + 1);
				text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + route.fields().get(0).name()
						+ "\"\r\n\r\n" + this.g.word(8, 20) + "\r\n--" + boundary + "--\r\n";
			}
			else if (type.equals("application/xml")) {
				text = "<" + route.fields().get(0).name() + ">x</" + route.fields().get(0).name() + ">";
			}
			r.typed(type.equals("none") ? null : type, text, Expected.exactly(415));
		});
	}

	private void wrongMethod(Route route) {
		add("wrong-method", route.name(), route, (r) -> {
			r.method = this.g.pick("GET", "PUT", "DELETE", "PATCH");
			r.body = null;
			r.contentType(null);
			if (!r.method.equals("GET") && this.g.random.nextBoolean()) {
				r.body(JSON, body(route, base(route)).getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(405);
		});
	}

	private void badBearer(Route route) {
		add("bearer", route.name(), route, (r) -> {
			removeAuthorization(r);
			this.g.authorize(r, badAuthorizationValue());
			if (route.isLogout()) {
				// What would end a session, were the token accepted.
				switch (this.g.nextInt(4)) {
					case 0 -> {
						r.body = null;
						r.contentType(null);
					}
					case 1 -> r.body(JSON, "{}".getBytes(StandardCharsets.UTF_8));
					case 2 -> r.body(JSON, "{\"all\":true}".getBytes(StandardCharsets.UTF_8));
					default -> r.body(JSON, body(route, base(route)).getBytes(StandardCharsets.UTF_8));
				}
			}
			else {
				r.body(JSON, body(route, base(route)).getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
	}

	// ---------------------------------------------------------------- well-formed bodies with wrong values

	private void wrongValues() {
		String f = "wrong-value";
		Route refresh = route("refresh");
		Route verify = route("verify");
		Route logout = route("logout");
		Route registration = route("registration");
		add(f, "refresh-garbage", refresh, (r) -> r.json(body(refresh, base(refresh)), Expected.exactly(401)));
		add(f, "refresh-not-a-refresh-token", refresh, (r) -> r.json(object("refresh", str(badRefresh(false))), Expected.exactly(401)));
		add(f, "verify-garbage", verify, (r) -> r.json(body(verify, base(verify)), Expected.exactly(401)));
		add(f, "verify-bad-token", verify, (r) -> r.json(object("token", str(badRefresh(true))), Expected.exactly(401)));
		add(f, "logout-garbage-refresh", logout, (r) -> r.json(body(logout, base(logout)), Expected.exactly(400)));
		add(f, "logout-other-users-refresh", logout, (r) -> r.json(object("refresh", str(this.g.context.otherRefresh()),
				"all", this.g.pick("false", "null")), Expected.exactly(400)));
		add(f, "logout-not-a-refresh-token", logout, (r) -> r.json(object("refresh", str(badRefresh(false))), Expected.exactly(400)));
		add(f, "verify-email-unknown-key", route("verify-email"), (r) -> r.json(body(route("verify-email"), base(route("verify-email"))),
				Expected.exactly(400)));
		add(f, "reset-confirm-unknown-token", route("reset-confirm"), (r) -> r.json(body(route("reset-confirm"),
				base(route("reset-confirm"))), Expected.exactly(400)));
		add(f, "reset-confirm-mismatch", route("reset-confirm"), (r) -> {
			Map<String, String> fields = base(route("reset-confirm"));
			fields.put("new_password2", str(this.g.wrongPassword()));
			r.json(body(route("reset-confirm"), fields), Expected.exactly(400));
		});
		add(f, "change-wrong-old-password", route("change"), (r) -> r.json(body(route("change"), base(route("change"))),
				Expected.exactly(400)));
		add(f, "change-mismatch", route("change"), (r) -> {
			Map<String, String> fields = base(route("change"));
			fields.put("new_password2", str(this.g.wrongPassword()));
			r.json(body(route("change"), fields), Expected.exactly(400));
		});
		add(f, "registration-mismatch", registration, (r) -> {
			Map<String, String> fields = base(registration);
			fields.put("password2", str(this.g.wrongPassword()));
			r.json(body(registration, fields), Expected.exactly(400));
		});
		add(f, "registration-only-password2", registration, (r) -> {
			Map<String, String> fields = base(registration);
			fields.remove("password1");
			r.json(body(registration, fields), Expected.exactly(400));
		});
		add(f, "registration-password-too-short", registration, (r) -> {
			Map<String, String> fields = base(registration);
			String password = this.g.word(1, 7);
			fields.put("password1", str(password));
			fields.put("password2", str(password));
			r.json(body(registration, fields), Expected.exactly(400));
		});
		add(f, "registration-password-over-policy", registration, (r) -> {
			Map<String, String> fields = base(registration);
			String password = "p".repeat(129 + this.g.nextInt(4096 - 129));
			fields.put("password1", str(password));
			fields.put("password2", str(password));
			r.json(body(registration, fields), Expected.exactly(400));
		});
		add(f, "registration-password-is-email", registration, (r) -> {
			Map<String, String> fields = base(registration);
			String email = this.g.randomEmail();
			fields.put("email", str(email));
			String password = this.g.random.nextBoolean() ? email : email.toUpperCase(Locale.ROOT);
			fields.put("password1", str(password));
			fields.put("password2", str(password));
			r.json(body(registration, fields), Expected.exactly(400));
		});
		for (Route route : List.of(registration, route("resend-email"), route("reset"))) {
			add(f, route.name() + "-invalid-email", route, (r) -> {
				Map<String, String> fields = base(route);
				String local = "corpus-" + this.g.word(3, 10);
				fields.put("email", str(this.g.pick(local, local + "@", "@" + local + ".example", local + "@@x.example",
						local + "@a@b.example", local + " x@y.example", "<" + local + "@x.example>", local + "@x.example,other@x.example")));
				r.json(body(route, fields), Expected.exactly(400));
			});
		}
	}

	/** A token that is not a valid refresh token (or, for {@code verify}, not a valid token at all). */
	private String badRefresh(boolean forVerify) {
		UUID user = UUID.randomUUID();
		List<String> values = new ArrayList<>(List.of(
				MalformedRequestGenerator.jwt("{\"alg\":\"none\"}", this.g.validClaims(user, "refresh", 3600), null,
						this.g.context.signingSecret()),
				MalformedRequestGenerator.jwt(this.g.hs256Refresh(), this.g.validClaims(user, "refresh", 3600), "HmacSHA256",
						"another-secret-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8)),
				MalformedRequestGenerator.jwt(this.g.hs256Refresh(), this.g.validClaims(this.g.context.userId(), "refresh",
						-3600 - this.g.nextInt(100_000)), "HmacSHA256", this.g.context.signingSecret()),
				this.g.tokenChars(10) + "." + this.g.tokenChars(40) + "." + this.g.tokenChars(43)));
		if (!forVerify) {
			// Valid tokens, but not refresh tokens that were ever issued (verify/ would call them valid).
			values.add(this.g.context.access());
			values.add(MalformedRequestGenerator.jwt(this.g.hs256Refresh(), this.g.validClaims(user, "refresh", 3600), "HmacSHA256",
					this.g.context.signingSecret()));
		}
		return values.get(this.g.nextInt(values.size()));
	}

	// ---------------------------------------------------------------- sessions/

	private void sessions() {
		String f = "sessions";
		session(f, "other-users-session", () -> this.g.context.otherSessionId().toString());
		session(f, "other-users-session-upper-case", () -> this.g.context.otherSessionId().toString().toUpperCase(Locale.ROOT));
		session(f, "random-uuid", () -> UUID.randomUUID().toString());
		session(f, "nil-uuid", () -> this.g.pick("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
		session(f, "garbage-id", () -> this.g.pick("0", "-1", "null", "undefined", "current", "me", "all", "~",
				this.g.word(1, 40), "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "1-1-1-1-1" + "0".repeat(27)));
		session(f, "uuid-lookalike", () -> {
			String other = this.g.context.otherSessionId().toString();
			return this.g.pick(other.replace("-", ""), other + "0", other.substring(1), "%7B" + other.substring(2) + "%7D",
					other.replace('-', '_'), "-" + other.substring(1), "+" + other.substring(1));
		});
		session(f, "very-long-id", () -> this.g.tokenChars(300 + this.g.nextInt(1500)));
		add("wrong-method", "sessions-list", sessionsRoute(), (r) -> {
			r.method = this.g.pick("POST", "PUT", "DELETE", "PATCH");
			r.path = MalformedRequestGenerator.BASE + "/sessions" + this.g.slash();
			if (this.g.random.nextBoolean()) {
				r.body(JSON, "{}".getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(405);
		});
		add("wrong-method", "sessions-item", sessionsRoute(), (r) -> {
			r.method = this.g.pick("GET", "POST", "PUT", "PATCH");
			r.path = MalformedRequestGenerator.BASE + "/sessions/" + this.g.pick(UUID.randomUUID().toString(),
					this.g.context.otherSessionId().toString()) + this.g.slash();
			if (!r.method.equals("GET") && this.g.random.nextBoolean()) {
				r.body(JSON, "{}".getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(405);
		});
		add("bearer", "sessions-list", sessionsRoute(), (r) -> {
			r.method = "GET";
			r.path = MalformedRequestGenerator.BASE + "/sessions" + this.g.slash();
			badAuthorization(r);
		});
		add("bearer", "sessions-item", sessionsRoute(), (r) -> {
			r.method = "DELETE";
			r.path = MalformedRequestGenerator.BASE + "/sessions/" + this.g.pick(UUID.randomUUID().toString(),
					this.g.context.otherSessionId().toString()) + this.g.slash();
			badAuthorization(r);
		});
	}

	private void session(String family, String name, java.util.function.Supplier<String> id) {
		add(family, name, sessionsRoute(), (r) -> {
			r.method = "DELETE";
			r.path = MalformedRequestGenerator.BASE + "/sessions/" + id.get() + this.g.slash();
			r.expected = Expected.exactly(404);
		});
	}

	private void badAuthorization(Draft r) {
		removeAuthorization(r);
		this.g.authorize(r, badAuthorizationValue());
		r.expected = Expected.exactly(401).withBearerChallenge();
	}

	/** A garbage {@code Authorization} value of the bearer family (see {@link MalformedRequestGenerator#usableBadAuthorization()}). */
	private String badAuthorizationValue() {
		return this.g.usableBadAuthorization();
	}

	private static Route sessionsRoute() {
		return new Route("sessions", "/sessions", true, List.of(), 0);
	}

	// ---------------------------------------------------------------- values

	private Route route(String name) {
		return this.routes.stream().filter((route) -> route.name().equals(name)).findFirst().orElseThrow();
	}

	/** A body of the route's shape: each required field with a plausible value, optional ones at random. */
	private Map<String, String> base(Route route) {
		Map<String, String> fields = new LinkedHashMap<>();
		String password = this.g.wrongPassword();
		for (Field field : route.fields()) {
			if (!field.required() && this.g.random.nextBoolean()) {
				continue;
			}
			String value = switch (field.name()) {
				case "password1", "password2", "new_password1", "new_password2" -> password;
				default -> value(field);
			};
			fields.put(field.name(), (field.kind() == Kind.BOOLEAN) ? "false" : str(value));
		}
		return fields;
	}

	private String value(Field field) {
		return switch (field.kind()) {
			case EMAIL -> this.g.randomEmail();
			case PASSWORD -> this.g.wrongPassword();
			case TOKEN -> this.g.random.nextBoolean() ? this.g.tokenChars(16 + this.g.nextInt(60))
					: this.g.tokenChars(1 + this.g.nextInt(30)) + "." + this.g.tokenChars(this.g.nextInt(60)) + "."
							+ this.g.tokenChars(this.g.nextInt(43));
			case NAME -> this.g.word(1, 20);
			case BOOLEAN -> "false";
		};
	}

	private String body(Route route, Map<String, String> fields) {
		List<String> namesAndValues = new ArrayList<>();
		fields.forEach((name, value) -> {
			namesAndValues.add(name);
			namesAndValues.add(value);
		});
		return this.g.object(namesAndValues.toArray(new String[0]));
	}

	private String object(String... namesAndValues) {
		return this.g.object(namesAndValues);
	}

	private static String str(String value) {
		return MalformedRequestGenerator.str(value);
	}

	private static void removeAuthorization(Draft r) {
		for (int i = 0; i < r.headers.size(); i += 2) {
			if (r.headers.get(i).equalsIgnoreCase("Authorization")) {
				r.headers.remove(i);
				r.headers.remove(i);
				i -= 2;
			}
		}
	}

	/** A recipe for the route: POST to its path (with the owner's bearer token where it needs one), then the recipe. */
	private void add(String family, String name, Route route, MalformedRequestGenerator.Recipe recipe) {
		this.g.add(family, name, (r) -> {
			r.method = "POST";
			r.path = MalformedRequestGenerator.BASE + route.path() + this.g.slash();
			if (route.authenticated()) {
				r.header("Authorization", "Bearer " + this.g.context.access());
			}
			recipe.fill(r);
		});
	}

}
