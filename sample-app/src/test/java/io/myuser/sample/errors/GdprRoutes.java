package io.myuser.sample.errors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import io.myuser.sample.errors.GeneratedRequest.Expected;
import io.myuser.sample.errors.MalformedRequestGenerator.Draft;

/**
 * The recipes of {@link MalformedRequestGenerator} for the GDPR routes: {@code data-requests/},
 * {@code data-requests/{id}/}, {@code data-requests/{id}/cancel/}, {@code data-requests/cancel/} (withdrawal by
 * the token of the email link) and {@code data-export/download/{token}/}.
 * <p>
 * Nothing here may create, change or withdraw a request: every {@code POST data-requests/} body is broken in at
 * least one way that the contract answers with 400, 413 or 415 ({@code request_type} is never a valid type next to
 * valid notes in a readable JSON body of the right type with a good bearer token), and the only existing request
 * the corpus names is another user's pending deletion, which the owner can neither see nor withdraw (404). A
 * well-formed body with a valid type and bad notes proves the notes are checked before anything is written; one
 * with tabs and line breaks in its notes and an unknown type proves those characters are allowed (only
 * {@code request_type} is named in {@code errors}). The {@code password} a deletion needs is sent overlong, blank,
 * of the wrong JSON type, with control characters (400 on {@code password} whatever the type, as its format is
 * checked for exports too), missing or wrong (400 on {@code password} for a deletion): never the owner's password.
 * Tokens sent to {@code data-requests/cancel/} are malformed or random (400 on {@code token}), some of them
 * starting with the other user's request id as real tokens do; none was ever issued.
 */
final class GdprRoutes {

	private static final String JSON = "application/json";

	private static final String DATA_REQUESTS = MalformedRequestGenerator.BASE + "/data-requests";

	private static final String DOWNLOAD = MalformedRequestGenerator.BASE + "/data-export/download/";

	/** Length of the {@code notes} column and the most the API accepts. */
	private static final int NOTES_MAX = 2000;

	/** Longest {@code request_type} the API reads before refusing it as too long. */
	private static final int TYPE_MAX = 16;

	/** Longest {@code password} the API reads before refusing it as too long. */
	private static final int PASSWORD_MAX = 4096;

	/** Longest withdrawal {@code token} the API reads before refusing it as too long. */
	private static final int CANCEL_TOKEN_MAX = 256;

	private static final String CANCEL = DATA_REQUESTS + "/cancel";

	private final MalformedRequestGenerator g;

	GdprRoutes(MalformedRequestGenerator generator) {
		this.g = generator;
	}

	void register() {
		createBrokenJson();
		createWrongTypes();
		createMissingAndBlankType();
		createUnknownTypes();
		createOverlong();
		createOddUnicode();
		createNotesMayHoldLineBreaksAndTabs();
		createTransport();
		createPassword();
		cancelByToken();
		items();
		downloads();
	}

	// ---------------------------------------------------------------- POST data-requests/

	private void createBrokenJson() {
		String f = "broken-json";
		create(f, "data-requests-syntax", (r) -> {
			String full = validBody();
			String broken = switch (this.g.nextInt(9)) {
				case 0 -> full.substring(0, 1 + this.g.nextInt(full.length() - 1));
				case 1 -> full.replace('"', '\'');
				case 2 -> full.replaceFirst("}\\s*$", ",}");
				case 3 -> full.replaceFirst("\"([a-z_]+)\"\\s*:", "$1:");
				case 4 -> full.replaceFirst("\\{", "{/* c */");
				case 5 -> full.replaceFirst(":", " ");
				case 6 -> full + this.g.pick(" xyz", "}", "]", ",", "{}", " {\"request_type\":\"EXPORT\"}");
				case 7 -> full.replaceFirst(":\\s*\"", ":\"\\\\u12G4");
				default -> "{\"request_type\":" + this.g.pick("NaN", "Infinity", "undefined", "EXPORT", "'EXPORT'", "01",
						"\"unterminated") + "}";
			};
			if (broken.equals(full)) {
				broken = full + "}";
			}
			r.json(broken, Expected.exactly(400));
		});
		create(f, "data-requests-bytes", (r) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes("{\"request_type\":\"EXP".getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(this.g.pick(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC3, (byte) 0x28 },
					new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }));
			out.writeBytes("ORT\"}".getBytes(StandardCharsets.US_ASCII));
			r.jsonBytes(out.toByteArray(), Expected.exactly(400));
		});
		create(f, "data-requests-deep-nesting", (r) -> {
			int depth = 1500 + this.g.nextInt(3500);
			r.json(this.g.pick("[".repeat(depth) + "]".repeat(depth), "{\"request_type\":\"EXPORT\",\"x\":" + "{\"a\":".repeat(depth) + "1"
					+ "}".repeat(depth) + "}"), Expected.exactly(400));
		});
		create(f, "data-requests-empty", (r) -> r.json(this.g.pick("", " ", "\n", "\t \r\n "), Expected.exactly(400)));
		create("non-object", "data-requests", (r) -> r.json(this.g.pick("[]", "[" + validBody() + "]", "null", "true", "\"EXPORT\"",
				"\"DELETE\"", "42", "3.14", "1e999999", "9".repeat(1000 + this.g.nextInt(5000))), Expected.exactly(400)));
	}

	private void createWrongTypes() {
		String f = "wrong-type";
		create(f, "data-requests-request_type", (r) -> r.json(body(this.g.pick("12345", "0", "1", "-1", "1.5e10", "true", "false",
				"{}", "[]", "[\"EXPORT\"]", "[\"EXPORT\",\"DELETE\"]", "{\"request_type\":\"EXPORT\"}", "{\"EXPORT\":true}"), optionalNotes()),
				Expected.exactly(400).withErrorsOn("request_type")));
		// A valid type: only the notes are wrong, and nothing may be written.
		create(f, "data-requests-notes", (r) -> r.json(body(str(validType()), this.g.pick("1", "0", "true", "false", "{}", "[]",
				"[\"a note\"]", "{\"notes\":\"a note\"}", "-2.5")), Expected.exactly(400).withErrorsOn("notes")));
	}

	private void createMissingAndBlankType() {
		create("missing-field", "data-requests", (r) -> {
			String json = switch (this.g.nextInt(6)) {
				case 0 -> this.g.pick("{}", "{ }", " {\n} ");
				case 1 -> this.g.object("notes", str(this.g.word(1, 40)));
				case 2 -> this.g.object("request_type", "null", "notes", str(this.g.word(1, 40)));
				case 3 -> this.g.object(this.g.pick("requestType", "Request_Type", "REQUEST_TYPE", "request-type", "type",
						"request_type ", " request_type", "requesttype"), str(validType()));
				case 4 -> this.g.object("notes", "null");
				default -> this.g.object("request", this.g.object("request_type", str(validType())));
			};
			r.json(json, Expected.exactly(400).withErrorsOn("request_type"));
		});
		create("blank-field", "data-requests", (r) -> r.json(body(this.g.pick("\"\"", "\" \"", "\"\\t\"", "\"\\n\\r\"",
				"\" \\t \\n \"", str(" ".repeat(1 + this.g.nextInt(TYPE_MAX)))), optionalNotes()),
				Expected.exactly(400).withErrorsOn("request_type")));
	}

	private void createUnknownTypes() {
		create("wrong-value", "data-requests-unknown-type", (r) -> r.json(body(anyEncoding(unknownType()), optionalNotes()),
				Expected.exactly(400).withErrorsOn("request_type")));
		create("wrong-value", "data-requests-type-wrong-case", (r) -> {
			// Types are compared exactly, as django-myuser's choice field does.
			String type = validType();
			String value = switch (this.g.nextInt(3)) {
				case 0 -> type.toLowerCase(Locale.ROOT);
				case 1 -> type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
				default -> {
					int at = this.g.nextInt(type.length());
					yield type.substring(0, at) + Character.toLowerCase(type.charAt(at)) + type.substring(at + 1);
				}
			};
			r.json(body(anyEncoding(value), optionalNotes()), Expected.exactly(400).withErrorsOn("request_type"));
		});
	}

	/** A {@code request_type} that is no type, whatever is stripped from it or however it is compared. */
	private String unknownType() {
		return this.g.pick("ERASE", "export", "Export", "delete", "Delete", "EXPORTS", "DELETED", "DELETE_ACCOUNT", "EXPORT,DELETE",
				"EXPORT DELETE", "EXPORT|DELETE", "ACCESS", "RECTIFY", "RESTRICT", "PORTABILITY", "OBJECT", "0", "1", "null",
				"undefined", "PENDING", "CANCELLED", "\uff25\uff38\uff30\uff2f\uff32\uff34", "\u0415XPORT", "EXP\u200bORT",
				"\u00a0EXPORT", "EXPORT\u00a0", "\ufeffEXPORT", "D\u0301ELETE", "\u0131", "EXPORT.", "*", "%", "E",
				this.g.word(1, TYPE_MAX).toUpperCase(Locale.ROOT) + "Q");
	}

	private void createOverlong() {
		String f = "overlong";
		create(f, "data-requests-request_type", (r) -> {
			int length = TYPE_MAX + 1 + this.g.nextInt(this.g.random.nextBoolean() ? 3 : 5000);
			String value = this.g.pick("EXPORT", "DELETE") + this.g.filler(length - 6);
			r.json(body(anyEncoding(value), optionalNotes()), Expected.exactly(400).withErrorsOn("request_type"));
		});
		create(f, "data-requests-notes", (r) -> {
			int length = NOTES_MAX + 1 + (this.g.random.nextBoolean() ? this.g.nextInt(3) : this.g.nextInt(6 * NOTES_MAX));
			String notes = switch (this.g.nextInt(4)) {
				// Stripped, these would fit; the length is checked before anything is stripped.
				case 0 -> " ".repeat(length - 1) + "x";
				case 1 -> "x" + "\n".repeat(length - 1);
				default -> this.g.filler(length);
			};
			String json = body(str(validType()), anyEncoding(notes));
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			r.json(json, bytes.length > MalformedRequestGenerator.BODY_LIMIT ? Expected.exactly(413)
					: Expected.exactly(400).withErrorsOn("notes"));
		});
	}

	private void createOddUnicode() {
		String f = "odd-unicode";
		create(f, "data-requests-notes-control", (r) -> {
			String odd = switch (this.g.nextInt(9)) {
				case 0 -> "\u0000";
				case 1 -> Character.toString(this.g.pick(1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x1B, 0x1C, 0x1F));
				case 2 -> "\u007f";
				case 3 -> Character.toString(0x80 + this.g.nextInt(32));
				case 4 -> Character.toString((char) (0xD800 + this.g.nextInt(0x400)));
				case 5 -> Character.toString((char) (0xDC00 + this.g.nextInt(0x400)));
				case 6 -> "\udc00\ud800";
				case 7 -> "\u0085";
				default -> this.g.pick("\uffff", "\ufffe");
			};
			String notes = "Please send " + this.g.pick("", "\n", "\t", "\r\n") + "my data" + odd + this.g.pick("", " thanks", "\n");
			r.json(body(str(validType()), anyEncoding(notes)), Expected.exactly(400).withErrorsOn("notes"));
		});
		create(f, "data-requests-notes-surrogate-bytes", (r) -> {
			String marker = "SURROGATE" + this.g.word(4, 4);
			String text = body(str(validType()), str("ab" + marker + "cd"));
			byte[] surrogate = { (byte) 0xED, (byte) (0xA0 + this.g.nextInt(0x20)), (byte) (0x80 + this.g.nextInt(0x40)) };
			String[] parts = text.split(marker, -1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
			out.writeBytes(surrogate);
			out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
			r.jsonBytes(out.toByteArray(), Expected.exactly(400));
		});
		create(f, "data-requests-type-control", (r) -> {
			// Control characters around or inside a type: never a type.
			String type = validType();
			String control = Character.toString(this.g.pick(0, 1, 8, 0x0E, 0x1B, 0x7F, 0x85, 0x9F));
			String value = switch (this.g.nextInt(3)) {
				case 0 -> control + type;
				case 1 -> type + control;
				default -> type.substring(0, 3) + control + type.substring(3);
			};
			r.json(body(anyEncoding(value), optionalNotes()), Expected.exactly(400).withErrorsOn("request_type"));
		});
		create(f, "data-requests-type-whitespace-control", (r) -> {
			// Controls that String.strip() takes for whitespace (VT, FF, FS, GS, RS, US): still no type.
			String type = validType();
			String control = Character.toString(this.g.pick(0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F));
			String value = this.g.random.nextBoolean() ? control + type : type + control;
			r.json(body(anyEncoding(value), optionalNotes()), Expected.exactly(400).withErrorsOn("request_type"));
		});
	}

	private void createNotesMayHoldLineBreaksAndTabs() {
		create("wrong-value", "data-requests-multiline-notes-unknown-type", (r) -> {
			StringBuilder notes = new StringBuilder();
			for (int i = 0, n = 1 + this.g.nextInt(20); i < n; i++) {
				notes.append(this.g.word(1, 12)).append(this.g.pick("\n", "\r\n", "\t", "\r", " ", "\n\n", "\t\t"));
			}
			String text = this.g.random.nextBoolean() ? notes.toString() : "x" + "\t\n".repeat((NOTES_MAX - 2) / 2) + "y";
			r.json(body(anyEncoding(unknownType()), anyEncoding(text.substring(0, Math.min(text.length(), NOTES_MAX)))),
					Expected.exactly(400).withErrorsOn("request_type").withoutErrorsOn("notes"));
		});
	}

	private void createTransport() {
		create("huge-body", "data-requests", (r) -> {
			int size = MalformedRequestGenerator.BODY_LIMIT + 1 + (this.g.random.nextBoolean() ? 0 : this.g.nextInt(300_000));
			String prefix = "{\"request_type\":\"EXPORT\",\"notes\":\"";
			byte[] bytes = this.g.nextInt(4) == 0 ? this.g.randomBytes(size)
					: (prefix + "n".repeat(size - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
			r.huge(this.g.random.nextBoolean(), bytes);
		});
		create("content-type", "data-requests", (r) -> {
			String type = this.g.pick("text/plain", "text/plain; charset=UTF-8", "application/xml", "text/xml",
					"application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=" + this.g.word(8, 20),
					"multipart/form-data", "application/vnd.api+json", "application/problem+json", "text/json", "application/x-json",
					"application/json-patch+json", "none");
			String text = validBody();
			if (type.contains("urlencoded") && this.g.random.nextBoolean()) {
				text = "request_type=" + validType();
			}
			else if (type.startsWith("multipart/form-data; boundary=")) {
				String boundary = type.substring(type.indexOf('=') + 1);
				text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request_type\"\r\n\r\n" + validType() + "\r\n--"
						+ boundary + "--\r\n";
			}
			else if (type.endsWith("xml")) {
				text = "<request_type>" + validType() + "</request_type>";
			}
			r.typed(type.equals("none") ? null : type, text, Expected.exactly(415));
		});
		create("wrong-method", "data-requests-list", (r) -> {
			r.method = this.g.pick("PUT", "DELETE", "PATCH");
			r.body = null;
			r.contentType(null);
			if (this.g.random.nextBoolean()) {
				r.body(JSON, validBody().getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(405);
		});
		create("bearer", "data-requests-create", (r) -> {
			// What would create a request, were the token accepted.
			r.body(JSON, validBody().getBytes(StandardCharsets.UTF_8));
			badBearer(r);
		});
		create("bearer", "data-requests-list", (r) -> {
			r.method = "GET";
			r.body = null;
			r.contentType(null);
			badBearer(r);
		});
	}

	// ---------------------------------------------------------------- POST data-requests/: password

	private void createPassword() {
		create("wrong-type", "data-requests-password", (r) -> r.json(withPassword(str(validType()), this.g.pick("12345", "0", "true",
				"false", "{}", "[]", "[\"secret\"]", "{\"password\":\"secret\"}", "-2.5")),
				Expected.exactly(400).withErrorsOn("password")));
		create("overlong", "data-requests-password", (r) -> {
			int length = PASSWORD_MAX + 1 + (this.g.random.nextBoolean() ? this.g.nextInt(3) : this.g.nextInt(4 * PASSWORD_MAX));
			String json = withPassword(str(validType()), anyEncoding(this.g.filler(length)));
			r.json(json, json.getBytes(StandardCharsets.UTF_8).length > MalformedRequestGenerator.BODY_LIMIT ? Expected.exactly(413)
					: Expected.exactly(400).withErrorsOn("password"));
		});
		create("blank-field", "data-requests-password", (r) -> r.json(withPassword(str(validType()), this.g.pick("\"\"", "\" \"",
				str(" ".repeat(1 + this.g.nextInt(40))), "\"\\u2003\"", "\"\\u3000 \"", "\" \\u2028\"")),
				Expected.exactly(400).withErrorsOn("password")));
		create("odd-unicode", "data-requests-password-control", (r) -> {
			String odd = switch (this.g.nextInt(6)) {
				case 0 -> "\u0000";
				case 1 -> Character.toString(1 + this.g.nextInt(31));
				case 2 -> "\u007f";
				case 3 -> Character.toString(0x80 + this.g.nextInt(32));
				case 4 -> Character.toString((char) (0xD800 + this.g.nextInt(0x400)));
				default -> this.g.pick("\uffff", "\ufffe");
			};
			String password = this.g.wrongPassword();
			int at = this.g.nextInt(password.length() + 1);
			r.json(withPassword(str(validType()), anyEncoding(password.substring(0, at) + odd + password.substring(at))),
					Expected.exactly(400).withErrorsOn("password"));
		});
		create("wrong-value", "data-requests-delete-without-password", (r) -> r.json(this.g.random.nextBoolean()
				? body(str("DELETE"), optionalNotes()) : withPassword(str("DELETE"), "null"), Expected.exactly(400).withErrorsOn("password")
					.withoutErrorsOn("request_type")));
		create("wrong-value", "data-requests-delete-wrong-password", (r) -> r.json(withPassword(str("DELETE"),
				anyEncoding(this.g.wrongPassword())), Expected.exactly(400).withErrorsOn("password").withoutErrorsOn("request_type")));
	}

	/** A body with a type, maybe notes, and a raw JSON {@code password}, in any order. */
	private String withPassword(String requestType, String password) {
		List<String> fields = new ArrayList<>(List.of("request_type", requestType, "password", password));
		if (this.g.random.nextBoolean()) {
			fields.addAll(List.of("notes", str(this.g.word(0, 30))));
		}
		if (this.g.random.nextBoolean()) {
			fields = List.of(fields.get(2), fields.get(3), fields.get(0), fields.get(1));
		}
		return this.g.object(fields.toArray(new String[0]));
	}

	// ---------------------------------------------------------------- POST data-requests/cancel/ (by token)

	private void cancelByToken() {
		cancelWith("broken-json", "cancel-token-syntax", (r) -> {
			String full = this.g.object("token", str(token()));
			String broken = switch (this.g.nextInt(5)) {
				case 0 -> full.substring(0, 1 + this.g.nextInt(full.length() - 1));
				case 1 -> full.replace('"', '\'');
				case 2 -> full.replaceFirst("}\\s*$", ",}");
				case 3 -> full.replaceFirst("\"token\"", "token");
				default -> full + this.g.pick(" xyz", "}", "]", ",");
			};
			r.json(broken.equals(full) ? full + "}" : broken, Expected.exactly(400));
		});
		cancelWith("non-object", "cancel-token", (r) -> r.json(this.g.pick("", "[]", "null", "true", "42", str(token()),
				"[" + this.g.object("token", str(token())) + "]"), Expected.exactly(400)));
		cancelWith("missing-field", "cancel-token", (r) -> r.json(this.g.pick("{}", this.g.object("token", "null"),
				this.g.object(this.g.pick("Token", "key", "cancel_token", "request_id"), str(token()))),
				Expected.exactly(400).withErrorsOn("token")));
		cancelWith("blank-field", "cancel-token", (r) -> r.json(this.g.object("token", this.g.pick("\"\"", "\" \"",
				str(" ".repeat(1 + this.g.nextInt(60))))), Expected.exactly(400).withErrorsOn("token")));
		cancelWith("wrong-type", "cancel-token", (r) -> r.json(this.g.object("token", this.g.pick("1", "true", "{}", "[]",
				"[" + str(token()) + "]", "{\"token\":" + str(token()) + "}")), Expected.exactly(400).withErrorsOn("token")));
		cancelWith("overlong", "cancel-token", (r) -> r.json(this.g.object("token",
				str(this.g.tokenChars(CANCEL_TOKEN_MAX + 1 + this.g.nextInt(2000)))), Expected.exactly(400).withErrorsOn("token")));
		cancelWith("odd-unicode", "cancel-token-control", (r) -> {
			String token = token();
			int at = this.g.nextInt(token.length() + 1);
			String odd = this.g.pick("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ud800", "\uffff", "\n", "\t");
			r.json(this.g.object("token", anyEncoding(token.substring(0, at) + odd + token.substring(at))),
					Expected.exactly(400).withErrorsOn("token"));
		});
		cancelWith("wrong-value", "cancel-unknown-token", (r) -> r.json(this.g.object("token", str(this.g.pick(token(),
				this.g.tokenChars(1 + this.g.nextInt(120)), token().replace('-', '+') + "=", "0", "null", "undefined",
				this.g.context.otherDataRequestId().toString(), hex(64)))), Expected.exactly(400).withErrorsOn("token")));
		cancelWith("content-type", "cancel-token", (r) -> {
			String type = this.g.pick("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data",
					"none");
			r.typed(type.equals("none") ? null : type, this.g.object("token", str(token())), Expected.exactly(415));
		});
		add("wrong-method", "cancel-token", (r) -> {
			r.method = this.g.pick("PUT", "DELETE", "PATCH");
			r.path = CANCEL + this.g.slash();
			r.body(JSON, this.g.object("token", str(token())).getBytes(StandardCharsets.UTF_8));
			authorize(r);
			r.expected = Expected.exactly(405);
		});
		add("bearer", "cancel-token", (r) -> {
			// The token in the body is the credential; a garbage bearer token may be refused (401) or ignored (400).
			r.method = "POST";
			r.path = CANCEL + this.g.slash();
			r.body(JSON, this.g.object("token", str(token())).getBytes(StandardCharsets.UTF_8));
			badBearer(r);
			r.expected = Expected.exactly(400, 401).withBearerChallenge();
		});
	}

	/**
	 * A token of the shape withdrawal links carry, never issued: the other user's request id or a random one in
	 * base64url, then 43 random characters.
	 */
	private String token() {
		UUID id = this.g.random.nextBoolean() ? this.g.context.otherDataRequestId() : UUID.randomUUID();
		java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
		bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + this.g.tokenChars(43);
	}

	/** A {@code POST data-requests/cancel/} recipe, without or (sometimes) with the owner's bearer token. */
	private void cancelWith(String family, String name, MalformedRequestGenerator.Recipe recipe) {
		add(family, name, (r) -> {
			r.method = "POST";
			r.path = CANCEL + this.g.slash();
			if (this.g.random.nextInt(4) == 0) {
				authorize(r);
			}
			recipe.fill(r);
		});
	}

	// ---------------------------------------------------------------- data-requests/{id}/ and cancel/

	private void items() {
		String f = "data-request-id";
		itemIds(f, "other-users-request", () -> this.g.context.otherDataRequestId().toString());
		itemIds(f, "other-users-request-upper-case", () -> this.g.context.otherDataRequestId().toString().toUpperCase(Locale.ROOT));
		itemIds(f, "random-uuid", () -> UUID.randomUUID().toString());
		itemIds(f, "nil-uuid", () -> this.g.pick("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
		itemIds(f, "owner-or-session-id", () -> this.g.pick(this.g.context.userId(), this.g.context.sessionId(),
				this.g.context.otherSessionId()).toString());
		itemIds(f, "garbage-id", () -> this.g.pick("0", "-1", "1", "null", "undefined", "latest", "current", "me", "all", "export", "EXPORT",
				"~", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "1-1-1-1-1" + "0".repeat(27), "1-1-1-1-" + "0".repeat(28), this.g.word(1, 40)));
		itemIds(f, "uuid-lookalike", () -> {
			String other = this.g.context.otherDataRequestId().toString();
			return this.g.pick(other.replace("-", ""), other + "0", other.substring(1), "%7B" + other.substring(2) + "%7D", other.replace('-', '_'),
					"-" + other.substring(1), "+" + other.substring(1), "%20" + other.substring(1), other.substring(0, 35) + "g",
					"urn:uuid:" + other);
		});
		itemIds(f, "very-long-id", () -> this.g.tokenChars(300 + this.g.nextInt(1500)));
		add("wrong-method", "data-requests-item", (r) -> {
			r.method = this.g.pick("POST", "PUT", "DELETE", "PATCH");
			r.path = DATA_REQUESTS + "/" + someId() + this.g.slash();
			bodyMaybe(r);
			authorize(r);
			r.expected = Expected.exactly(405);
		});
		add("wrong-method", "data-requests-cancel", (r) -> {
			r.method = this.g.pick("GET", "PUT", "DELETE", "PATCH");
			r.path = DATA_REQUESTS + "/" + someId() + "/cancel" + this.g.slash();
			if (!r.method.equals("GET")) {
				bodyMaybe(r);
			}
			authorize(r);
			r.expected = Expected.exactly(405);
		});
		add("bearer", "data-requests-item", (r) -> {
			r.method = "GET";
			r.path = DATA_REQUESTS + "/" + someId() + this.g.slash();
			badBearer(r);
		});
		add("bearer", "data-requests-cancel", (r) -> {
			r.method = "POST";
			r.path = DATA_REQUESTS + "/" + someId() + "/cancel" + this.g.slash();
			bodyMaybe(r);
			badBearer(r);
		});
	}

	/** Two recipes for ids the owner has no request of: {@code GET data-requests/{id}/} and its {@code cancel/}. */
	private void itemIds(String family, String name, Supplier<String> id) {
		add(family, "show-" + name, (r) -> {
			r.method = "GET";
			r.path = DATA_REQUESTS + "/" + id.get() + this.g.slash();
			authorize(r);
			r.expected = Expected.exactly(404);
		});
		add(family, "cancel-" + name, (r) -> {
			r.method = "POST";
			r.path = DATA_REQUESTS + "/" + id.get() + "/cancel" + this.g.slash();
			bodyMaybe(r);
			authorize(r);
			r.expected = Expected.exactly(404);
		});
	}

	private String someId() {
		return this.g.pick(this.g.context.otherDataRequestId().toString(), UUID.randomUUID().toString());
	}

	// ---------------------------------------------------------------- data-export/download/{token}/

	private void downloads() {
		String f = "download-token";
		download(f, "unknown-token", () -> this.g.tokenChars(43));
		download(f, "unknown-token-any-length", () -> this.g.tokenChars(32 + this.g.nextInt(97)));
		download(f, "too-short", () -> this.g.tokenChars(1 + this.g.nextInt(31)));
		download(f, "too-long", () -> this.g.tokenChars(129 + this.g.nextInt(600)));
		download(f, "odd-characters", () -> {
			String token = this.g.tokenChars(43);
			int at = this.g.nextInt(token.length());
			return token.substring(0, at) + this.g.pick("=", "+", "~", "!", "$", "'", "(", ")", "*", ",", "@", ":", "%41", "%20", "%C3%A9",
					"%E2%80%AE", "%F0%9F%98%80") + token.substring(at);
		});
		download(f, "padded-or-standard-base64", () -> this.g.tokenChars(43).replace('-', '+').replace('_', '+') + "=");
		download(f, "hash-or-id-instead-of-token", () -> this.g.pick(hex(64), hex(64).toUpperCase(Locale.ROOT),
				this.g.context.otherDataRequestId().toString(), "export-" + this.g.context.otherDataRequestId() + ".zip"));
		download(f, "garbage", () -> this.g.pick("0", "-", "_", "null", "undefined", "token", "latest", "x".repeat(32), "-".repeat(43),
				"_".repeat(43)));
		add("unknown-route", "download-without-token", (r) -> {
			r.method = "GET";
			r.path = MalformedRequestGenerator.BASE + this.g.pick("/data-export/download", "/data-export/download/", "/data-export",
					"/data-export/", "/data-export/" + this.g.tokenChars(43) + "/", "/data-export/download/" + this.g.tokenChars(43) + "/extra/");
			// Default deny covers routes that do not exist: no token, 401.
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
		add("wrong-method", "download", (r) -> {
			r.method = this.g.pick("POST", "PUT", "DELETE", "PATCH");
			r.path = DOWNLOAD + this.g.tokenChars(43) + this.g.slash();
			bodyMaybe(r);
			r.expected = Expected.exactly(405);
		});
		add("bearer", "download", (r) -> {
			// The token in the path is the credential; a garbage bearer token may be refused (401) or ignored (404).
			r.method = "GET";
			r.path = DOWNLOAD + this.g.tokenChars(43) + this.g.slash();
			badBearer(r);
			r.expected = Expected.exactly(401, 404).withBearerChallenge();
		});
	}

	private void download(String family, String name, Supplier<String> token) {
		add(family, name, (r) -> {
			r.method = "GET";
			r.path = DOWNLOAD + token.get() + this.g.slash();
			if (this.g.random.nextBoolean()) {
				// A download link opened from an email client: no credentials, any Accept.
				r.header("Accept", this.g.pick("application/zip", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"));
			}
			r.expected = Expected.exactly(404);
		});
	}

	// ---------------------------------------------------------------- values

	private String validType() {
		return this.g.pick("EXPORT", "DELETE");
	}

	/** A well-formed body with a valid type: never sent as is with a good token to {@code POST data-requests/}. */
	private String validBody() {
		return this.g.random.nextBoolean() ? this.g.object("request_type", str(validType()))
				: this.g.object("request_type", str(validType()), "notes", str(this.g.word(0, 30)));
	}

	/** Raw JSON for {@code notes}, or {@code null} to leave the field out. */
	private String optionalNotes() {
		return switch (this.g.nextInt(4)) {
			case 0 -> null;
			case 1 -> "null";
			case 2 -> "\"\"";
			default -> str(this.g.word(1, 40) + this.g.pick("", "\n", "\t", " ") + this.g.word(0, 10));
		};
	}

	private String body(String requestType, String notes) {
		List<String> fields = new ArrayList<>(List.of("request_type", requestType));
		if (notes != null) {
			fields.add("notes");
			fields.add(notes);
		}
		if (this.g.random.nextBoolean() && fields.size() == 4) {
			// Either order.
			fields = List.of(fields.get(2), fields.get(3), fields.get(0), fields.get(1));
		}
		return this.g.object(fields.toArray(new String[0]));
	}

	private String anyEncoding(String value) {
		return this.g.anyEncoding(value);
	}

	private static String str(String value) {
		return MalformedRequestGenerator.str(value);
	}

	private String hex(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append("0123456789abcdef".charAt(this.g.nextInt(16)));
		}
		return text.toString();
	}

	private void bodyMaybe(Draft r) {
		r.body = null;
		r.contentType(null);
		if (this.g.random.nextBoolean()) {
			r.body(JSON, this.g.pick("{}", validBody(), "{\"confirm\":true}").getBytes(StandardCharsets.UTF_8));
		}
	}

	private void authorize(Draft r) {
		r.header("Authorization", "Bearer " + this.g.context.access());
	}

	private void badBearer(Draft r) {
		for (int i = 0; i < r.headers.size(); i += 2) {
			if (r.headers.get(i).equalsIgnoreCase("Authorization")) {
				r.headers.remove(i);
				r.headers.remove(i);
				i -= 2;
			}
		}
		this.g.authorize(r, this.g.usableBadAuthorization());
		r.expected = Expected.exactly(401).withBearerChallenge();
	}

	/** A {@code POST data-requests/} recipe with the owner's bearer token, then the recipe. */
	private void create(String family, String name, MalformedRequestGenerator.Recipe recipe) {
		add(family, name, (r) -> {
			r.method = "POST";
			r.path = DATA_REQUESTS + this.g.slash();
			authorize(r);
			recipe.fill(r);
		});
	}

	private void add(String family, String name, MalformedRequestGenerator.Recipe recipe) {
		this.g.add(family, name, recipe);
	}

}
