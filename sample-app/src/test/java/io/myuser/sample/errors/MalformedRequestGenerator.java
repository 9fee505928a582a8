package io.myuser.sample.errors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.myuser.sample.errors.GeneratedRequest.Expected;
import org.jspecify.annotations.Nullable;

/**
 * Generates malformed requests for MyUser's {@code token/} and {@code profile/} routes, for unknown routes under the
 * base path and (through {@link AccountRoutes}, {@link GdprRoutes}, {@link SocialRoutes} and {@link AdminRoutes}) for the other routes, from a {@link Random} only, so that one seed always yields the same corpus. Every recipe
 * ("variant") is used at least once per corpus; the rest of the corpus is drawn at random, and the whole is
 * shuffled.
 */
final class MalformedRequestGenerator {

	static final String BASE = "/api/auth";

	/** The request body limit, {@code myuser.web.max-request-body-size} (64 KB). */
	static final int BODY_LIMIT = 64 * 1024;

	private static final String JSON = "application/json";

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	private static final String ALNUM = LOWER + "0123456789";

	private static final String SEGMENT = ALNUM + "-_~";

	private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	final Random random;

	final Context context;

	private final List<Variant> variants = new ArrayList<>();

	/** Every garbage {@code Authorization} value of the bearer family, for the other authenticated routes. */
	final List<BadAuthorization> badAuthorizations = new ArrayList<>();

	MalformedRequestGenerator(Random random, Context context) {
		this.random = random;
		this.context = context;
		brokenJson();
		nonObjectJson();
		wrongTypes();
		missingFields();
		blankFields();
		overlongFields();
		oddUnicode();
		hugeBodies();
		wrongContentTypes();
		wrongMethods();
		exoticMethods();
		unknownRoutes();
		bearerGarbage();
		wrongCredentials();
		new AccountRoutes(this).register();
		new GdprRoutes(this).register();
		new SocialRoutes(this).register();
		new AdminRoutes(this).register();
	}

	int variantCount() {
		return this.variants.size();
	}

	/**
	 * Build a corpus: every variant once, then random variants up to {@code size}, in a random order.
	 * @param size the number of requests (at least the number of variants)
	 * @return the requests
	 */
	List<GeneratedRequest> corpus(int size) {
		List<Variant> plan = new ArrayList<>(this.variants);
		while (plan.size() < size) {
			plan.add(this.variants.get(this.random.nextInt(this.variants.size())));
		}
		Collections.shuffle(plan, this.random);
		List<GeneratedRequest> requests = new ArrayList<>(plan.size());
		for (Variant variant : plan) {
			requests.add(variant.generate(requests.size()));
		}
		return requests;
	}

	// ---------------------------------------------------------------- families

	void brokenJson() {
		String f = "broken-json";
		add(f, "truncated", (r) -> {
			String full = loginBody(randomEmail(), wrongPassword());
			r.json(full.substring(0, 1 + nextInt(full.length() - 1)), Expected.exactly(400));
		});
		add(f, "truncated-inside-multibyte", (r) -> {
			byte[] full = loginBody(randomEmail().replace("@", "\u00e9\ud83d\ude00@"), wrongPassword())
				.getBytes(StandardCharsets.UTF_8);
			int at = indexOf(full, (byte) 0xF0) + 1 + nextInt(3);
			r.jsonBytes(java.util.Arrays.copyOf(full, at), Expected.exactly(400));
		});
		add(f, "single-quotes", (r) -> r.json("{'email':'" + randomEmail() + "','password':'" + wrongPassword() + "'}",
				Expected.exactly(400)));
		add(f, "trailing-comma", (r) -> r.json(loginBody(randomEmail(), wrongPassword()).replaceFirst("}$", ",}"),
				Expected.exactly(400)));
		add(f, "unquoted-keys", (r) -> r.json("{email:" + str(randomEmail()) + ",password:" + str(wrongPassword()) + "}",
				Expected.exactly(400)));
		add(f, "comment", (r) -> r.json("{\"email\":" + str(randomEmail()) + (this.random.nextBoolean() ? "/* c */" : "// c\n")
				+ ",\"password\":" + str(wrongPassword()) + "}", Expected.exactly(400)));
		add(f, "nan-literal", (r) -> r.json("{\"email\":" + str(randomEmail()) + ",\"password\":"
				+ pick("NaN", "Infinity", "-Infinity", "undefined", "+1", "01", ".5", "0x1F") + "}", Expected.exactly(400)));
		add(f, "raw-control-in-string", (r) -> {
			char control = (char) pickInt(0x00, 0x01, 0x08, 0x0A, 0x0D, 0x09, 0x1B, 0x1F);
			String email = randomEmail();
			int at = nextInt(email.length());
			r.json("{\"email\":\"" + email.substring(0, at) + control + email.substring(at) + "\",\"password\":"
					+ str(wrongPassword()) + "}", Expected.exactly(400));
		});
		add(f, "invalid-escape", (r) -> r.json("{\"email\":\"a" + pick("\\x41", "\\q", "\\'", "\\a", "\\0", "\\U0041")
				+ "@example.com\",\"password\":" + str(wrongPassword()) + "}", Expected.exactly(400)));
		add(f, "broken-unicode-escape", (r) -> r.json("{\"email\":\"a" + pick("\\u12", "\\uZZZZ", "\\u", "\\u12G4", "\\u-123")
				+ "@example.com\",\"password\":" + str(wrongPassword()) + "}", Expected.exactly(400)));
		add(f, "unterminated-string", (r) -> r.json("{\"email\":\"" + randomEmail() + pick("", "}", "\\\"}", "\\"),
				Expected.exactly(400)));
		add(f, "missing-colon", (r) -> r.json("{\"email\" " + str(randomEmail()) + ",\"password\":" + str(wrongPassword()) + "}",
				Expected.exactly(400)));
		add(f, "missing-comma", (r) -> r.json("{\"email\":" + str(randomEmail()) + " \"password\":" + str(wrongPassword()) + "}",
				Expected.exactly(400)));
		add(f, "invalid-utf8", (r) -> {
			byte[][] bad = { { (byte) 0x80 }, { (byte) 0xFF }, { (byte) 0xFE }, { (byte) 0xE2, (byte) 0x82 },
					{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC3, (byte) 0x28 } };
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes("{\"email\":\"ab".getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bad[nextInt(bad.length)]);
			out.writeBytes(("cd@example.com\",\"password\":" + str(wrongPassword()) + "}").getBytes(StandardCharsets.US_ASCII));
			r.jsonBytes(out.toByteArray(), Expected.exactly(400));
		});
		add(f, "deep-nesting", (r) -> {
			int depth = 1500 + nextInt(3500);
			r.json("{\"email\":" + str(randomEmail()) + ",\"password\":" + str(wrongPassword()) + ",\"x\":"
					+ "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}", Expected.exactly(400));
		});
		add(f, "deep-nesting-array", (r) -> {
			int depth = 1500 + nextInt(3500);
			r.json("[".repeat(depth) + "]".repeat(depth), Expected.exactly(400));
		});
		add(f, "empty-body", (r) -> r.jsonBytes(new byte[0], Expected.exactly(400)));
		add(f, "whitespace-body", (r) -> r.json(pick(" ", "\n", "\t \r\n  ", " ".repeat(1 + nextInt(500))), Expected.exactly(400)));
		add(f, "garbage-text", (r) -> r.json(pick("<login/>", "hello", "email=a&password=b", "@@@", "{{}}", "}{", ":", "\"")
				+ junk(nextInt(40)), Expected.exactly(400)));
		add(f, "nul-bytes", (r) -> r.jsonBytes(new byte[1 + nextInt(200)], Expected.exactly(400)));
		add(f, "trailing-garbage", (r) -> r.json(loginBody(randomEmail(), wrongPassword()) + pick(" xyz", "}", "]", ",", "{}",
				" {\"email\":\"b@example.com\"}"), Expected.exactly(400)));
	}

	void nonObjectJson() {
		String f = "non-object";
		add(f, "empty-array", (r) -> r.json("[]", Expected.exactly(400)));
		add(f, "array-of-login", (r) -> r.json("[" + loginBody(randomEmail(), wrongPassword()) + "]", Expected.exactly(400)));
		add(f, "integer", (r) -> r.json(Long.toString(this.random.nextLong()), Expected.exactly(400)));
		add(f, "float", (r) -> r.json(pick("-0.5e-300", "1.7976931348623157E309", "3.14", "-0", "1e999999"), Expected.exactly(400)));
		add(f, "huge-number", (r) -> r.json("9".repeat(1000 + nextInt(20000)), Expected.exactly(400)));
		add(f, "string", (r) -> r.json(str(pick(randomEmail(), "", "{\"email\":\"x\"}", junk(30))), Expected.exactly(400)));
		add(f, "null", (r) -> r.json("null", Expected.exactly(400)));
		add(f, "true", (r) -> r.json("true", Expected.exactly(400)));
		add(f, "false", (r) -> r.json(" false ", Expected.exactly(400)));
	}

	void wrongTypes() {
		String f = "wrong-type";
		// A number or boolean where a string belongs may be coerced to its text by the JSON reader; the contract
		// asks for 400, so 401 (coerced, then refused as a wrong login) is tolerated and reported separately.
		add(f, "email-number", (r) -> r.loginJson(object("email", pick("12345", "-1", "1.5e10", "0", "1e400"), "password",
				str(wrongPassword())), Expected.exactly(400, 401)));
		add(f, "email-bool", (r) -> r.loginJson(object("email", pick("true", "false"), "password", str(wrongPassword())),
				Expected.exactly(400, 401)));
		add(f, "email-object", (r) -> r.json(object("email", object("email", str(randomEmail())), "password",
				str(wrongPassword())), Expected.exactly(400)));
		add(f, "email-array", (r) -> r.json(object("email", pick("[]", "[" + str(randomEmail()) + "]", "[1,2]", "[null]"),
				"password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "username-object", (r) -> r.json(object("username", pick("{}", "{\"a\":[]}"), "password", str(wrongPassword())),
				Expected.exactly(400)));
		add(f, "password-object", (r) -> r.json(object("email", str(randomEmail()), "password",
				pick("{}", object("password", str(wrongPassword())), "{\"a\":{\"b\":null}}")), Expected.exactly(400)));
		add(f, "password-array", (r) -> r.json(object("email", str(randomEmail()), "password",
				pick("[]", "[" + str(wrongPassword()) + "]", "[[[]]]", "[1]")), Expected.exactly(400)));
		add(f, "password-number", (r) -> r.loginJson(object("email", str(randomEmail()), "password",
				pick("12345678", "-0.0", "1e30")), Expected.exactly(400, 401)));
		add(f, "password-bool", (r) -> r.loginJson(object("email", str(randomEmail()), "password", pick("true", "false")),
				Expected.exactly(400, 401)));
		add(f, "all-wrong", (r) -> r.json(object("email", "{}", "username", "[]", "password", "{}"), Expected.exactly(400)));
	}

	void missingFields() {
		String f = "missing-field";
		add(f, "empty-object", (r) -> r.json(pick("{}", "{ }", " {\n} "), Expected.exactly(400)));
		add(f, "only-email", (r) -> r.json(object("email", str(randomEmail())), Expected.exactly(400)));
		add(f, "only-username", (r) -> r.json(object("username", str(randomEmail())), Expected.exactly(400)));
		add(f, "only-password", (r) -> r.json(object("password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "all-null", (r) -> r.json(object("email", "null", "username", "null", "password", "null"), Expected.exactly(400)));
		add(f, "email-null", (r) -> r.json(object("email", "null", "password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "password-null", (r) -> r.json(object("email", str(randomEmail()), "password", "null"), Expected.exactly(400)));
		add(f, "unknown-fields-only", (r) -> r.json(object(pick("user", "login", "Email", "EMAIL", "e-mail"), str(randomEmail()),
				pick("pass", "pwd", "Password", "password1"), str(wrongPassword())), Expected.exactly(400)));
	}

	void blankFields() {
		String f = "blank-field";
		add(f, "email-empty", (r) -> r.json(object("email", "\"\"", "password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "email-spaces", (r) -> r.json(object("email", str(" ".repeat(1 + nextInt(300))), "password", str(wrongPassword())),
				Expected.exactly(400)));
		add(f, "email-whitespace-escapes", (r) -> r.json(object("email", pick("\"\\t\"", "\"\\n\\r\"", "\" \\t \\n \"", "\"\\f\""),
				"password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "email-and-username-blank", (r) -> r.json(object("email", pick("\"\"", "\"  \"", "null"), "username",
				pick("\"\"", "\" \"", "\"\\t\""), "password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "email-unicode-space", (r) -> r.json(object("email", escaped(pick("\u2003", "\u3000", "\u2028", "\u1680", "\u2000\u2001")
				.repeat(1 + nextInt(5))), "password", str(wrongPassword())), Expected.exactly(400)));
		add(f, "password-empty", (r) -> r.json(object("email", str(randomEmail()), "password", "\"\""), Expected.exactly(400)));
		add(f, "password-spaces", (r) -> r.json(object("email", str(randomEmail()), "password", str(" ".repeat(1 + nextInt(1000)))),
				Expected.exactly(400)));
		add(f, "password-whitespace-escapes", (r) -> r.json(object("email", str(randomEmail()), "password",
				pick("\"\\t\"", "\" \\r\\n \"", "\"\\n\\n\\n\"")), Expected.exactly(400)));
		// Not blank for Java: a non-breaking space, and Unicode spaces in a password, may be accepted as values.
		add(f, "email-non-breaking-space", (r) -> r.loginJson(object("email", escaped(pick("\u00a0", "\u2007", "\u202f", "\ufeff")
				.repeat(1 + nextInt(4))), "password", str(wrongPassword())), Expected.exactly(400, 401)));
		add(f, "password-unicode-space", (r) -> r.loginJson(object("email", str(randomEmail()), "password",
				escaped(pick("\u2003", "\u00a0", "\u3000").repeat(1 + nextInt(8)))), Expected.exactly(400, 401)));
	}

	void overlongFields() {
		String f = "overlong";
		add(f, "email", (r) -> r.sized(object("email", anyEncoding(overlongEmail(255 + nextInt(9746))), "password",
				str(wrongPassword()))));
		add(f, "username", (r) -> r.sized(object("username", anyEncoding(overlongEmail(255 + nextInt(9746))), "password",
				str(wrongPassword()))));
		add(f, "password", (r) -> r.sized(object("email", str(randomEmail()), "password",
				anyEncoding(filler(1025 + nextInt(98976))))));
		add(f, "password-body-at-limit", (r) -> {
			String prefix = "{\"email\":" + str(randomEmail()) + ",\"password\":\"";
			int bytes = BODY_LIMIT - 3 + nextInt(7) - prefix.length() - 2;
			r.sized(prefix + "p".repeat(bytes) + "\"}");
		});
		add(f, "email-255", (r) -> r.json(object("email", str(overlongEmail(255)), "password", str(wrongPassword())),
				Expected.exactly(400)));
		add(f, "email-254-boundary", (r) -> r.loginJson(object("email", str(exactEmail(254, "a")), "password",
				str(wrongPassword())), Expected.exactly(400, 401)));
		add(f, "email-254-lowercase-expands", (r) -> r.loginJson(object("email", anyEncoding(exactEmail(254, "\u0130")),
				"password", str(wrongPassword())), Expected.exactly(400, 401)));
		add(f, "email-emoji-boundary", (r) -> {
			boolean over = this.random.nextBoolean();
			String email = "\ud83d\ude00".repeat(over ? 127 : 124) + "@x.io";
			if (over) {
				r.json(object("email", anyEncoding(email), "password", str(wrongPassword())), Expected.exactly(400));
			}
			else {
				r.loginJson(object("email", anyEncoding(email), "password", str(wrongPassword())), Expected.exactly(400, 401));
			}
		});
		add(f, "password-1024-boundary", (r) -> r.loginJson(object("email", str(randomEmail()), "password",
				str("w".repeat(1024))), Expected.exactly(400, 401)));
		add(f, "password-1025", (r) -> r.json(object("email", str(randomEmail()), "password", str("w".repeat(1025))),
				Expected.exactly(400)));
	}

	void oddUnicode() {
		String f = "odd-unicode";
		// Not allowed in an email or username (control characters, unpaired surrogates, non-characters).
		oddCharacter(f, "nul", false, () -> "\u0000");
		oddCharacter(f, "c0-control", false, () -> Character.toString(1 + nextInt(31)));
		oddCharacter(f, "del", false, () -> "\u007f");
		oddCharacter(f, "c1-control", false, () -> Character.toString(0x80 + nextInt(32)));
		oddCharacter(f, "lone-high-surrogate", false, () -> Character.toString((char) (0xD800 + nextInt(0x400))));
		oddCharacter(f, "lone-low-surrogate", false, () -> Character.toString((char) (0xDC00 + nextInt(0x400))));
		oddCharacter(f, "reversed-surrogate-pair", false, () -> "\udc00\ud800");
		oddCharacter(f, "u-ffff", false, () -> "\uffff");
		oddCharacter(f, "u-fffe", false, () -> "\ufffe");
		// Legal text: must simply be refused as a wrong login (or as invalid), never break anything.
		oddCharacter(f, "rtl-override", true, () -> pick("\u202e", "\u202d", "\u2066", "\u200f"));
		oddCharacter(f, "zero-width", true, () -> pick("\u200d", "\u200c", "\u200b", "\u2060"));
		oddCharacter(f, "bom-inside", true, () -> "\ufeff");
		oddCharacter(f, "combining-marks", true, () -> "e" + "\u0301\u0316\u0489\u0334".repeat(1 + nextInt(20)));
		oddCharacter(f, "emoji", true, () -> pick("\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
				"\ud83d\ude00", "\ud83e\udd37\ud83c\udffd\u200d\u2640\ufe0f"));
		oddCharacter(f, "non-bmp-letter", true, () -> pick("\ud835\udc9c", "\ud800\udf48", "\ud840\udc00"));
		oddCharacter(f, "line-separator", true, () -> pick("\u2028", "\u2029"));
		oddCharacter(f, "private-use-and-max", true, () -> pick("\ue000", "\udbff\udfff", "\udb40\udc41"));
		oddCharacter(f, "replacement-char", true, () -> "\ufffd");
		add(f, "unpaired-surrogate-in-password", (r) -> r.loginJson(object("email", str(randomEmail()), "password",
				escaped(wrongPassword() + pick("\ud800", "\udfff", "\udc00\ud800", "\ud83d"))), Expected.exactly(400, 401)));
		add(f, "raw-encoded-surrogate-bytes", (r) -> {
			String field = pick("email", "username", "password");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			String other = field.equals("password") ? "\"email\":" + str(randomEmail()) : "\"password\":" + str(wrongPassword());
			out.writeBytes(("{" + other + ",\"" + field + "\":\"ab").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(new byte[] { (byte) 0xED, (byte) (0xA0 + nextInt(0x20)), (byte) (0x80 + nextInt(0x40)) });
			out.writeBytes("cd@example.com\"}".getBytes(StandardCharsets.US_ASCII));
			if (field.equals("password")) {
				r.loginJsonBytes(out.toByteArray(), Expected.exactly(400, 401));
			}
			else {
				r.jsonBytes(out.toByteArray(), Expected.exactly(400));
			}
		});
		add(f, "overlong-utf8-bytes", (r) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(("{\"password\":" + str(wrongPassword()) + ",\"email\":\"ab").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(pick(new byte[] { (byte) 0xC0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
					new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, new byte[] { (byte) 0xC1, (byte) 0xBF }));
			out.writeBytes("cd@example.com\"}".getBytes(StandardCharsets.US_ASCII));
			r.loginJsonBytes(out.toByteArray(), Expected.exactly(400, 401));
		});
		add(f, "utf8-bom-before-body", (r) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			out.writeBytes(loginBody(randomEmail(), wrongPassword()).getBytes(StandardCharsets.UTF_8));
			r.loginJsonBytes(out.toByteArray(), Expected.exactly(400, 401));
		});
		add(f, "utf16-body", (r) -> r.loginJsonBytes(loginBody(randomEmail(), wrongPassword())
			.getBytes(this.random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE), Expected.exactly(400, 401)));
	}

	void oddCharacter(String family, String name, boolean legal, java.util.function.Supplier<String> character) {
		add(family, name, (r) -> {
			String field = pick("email", "username", "password");
			String odd = character.get();
			String value = (field.equals("password") ? wrongPassword() : randomEmail());
			int at = nextInt(value.length() + 1);
			value = value.substring(0, at) + odd + value.substring(at);
			// str() escapes what JSON cannot carry raw (controls, unpaired surrogates); the rest goes as UTF-8.
			String json = this.random.nextBoolean() ? escaped(value) : str(value);
			String body = field.equals("password") ? object("email", str(randomEmail()), "password", json)
					: object(field, json, "password", str(wrongPassword()));
			if (legal || field.equals("password")) {
				r.loginJson(body, Expected.exactly(400, 401));
			}
			else {
				r.json(body, Expected.exactly(400));
			}
		});
	}

	void hugeBodies() {
		String f = "huge-body";
		add(f, "token-json-content-length", (r) -> r.huge(false, hugeJson()));
		add(f, "token-json-chunked", (r) -> r.huge(true, hugeJson()));
		add(f, "token-garbage-content-length", (r) -> r.huge(false, randomBytes(BODY_LIMIT + 1 + nextInt(300_000))));
		add(f, "token-garbage-chunked", (r) -> r.huge(true, randomBytes(BODY_LIMIT + 1 + nextInt(300_000))));
		add(f, "token-one-byte-over", (r) -> {
			String prefix = "{\"email\":" + str(randomEmail()) + ",\"password\":\"";
			r.huge(this.random.nextBoolean(),
					(prefix + "p".repeat(BODY_LIMIT + 1 - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8));
		});
		add(f, "token-text-plain", (r) -> {
			r.huge(this.random.nextBoolean(), randomBytes(BODY_LIMIT + 1 + nextInt(100_000)));
			r.contentType("text/plain");
		});
		add(f, "profile", (r) -> {
			r.huge(this.random.nextBoolean(), hugeJson());
			r.method = pick("POST", "PUT", "PATCH");
			r.path = profilePath();
		});
		add(f, "expect-100-continue", (r) -> {
			r.huge(false, hugeJson());
			r.header("Expect", "100-continue");
		});
		add(f, "unknown-route", (r) -> {
			r.huge(this.random.nextBoolean(), hugeJson());
			r.method = pick("POST", "PUT");
			r.path = BASE + "/" + segment() + slash();
		});
	}

	void wrongContentTypes() {
		String f = "content-type";
		add(f, "text-plain", (r) -> r.typed(pick("text/plain", "text/plain; charset=UTF-8", "TEXT/PLAIN"), loginBody(randomEmail(),
				wrongPassword()), Expected.exactly(415)));
		add(f, "form-urlencoded", (r) -> r.typed("application/x-www-form-urlencoded", "email=" + randomEmail().replace("@", "%40")
				+ "&password=" + wrongPassword(), Expected.exactly(415)));
		add(f, "form-urlencoded-json-body", (r) -> r.typed("application/x-www-form-urlencoded", loginBody(randomEmail(),
				wrongPassword()), Expected.exactly(415)));
		add(f, "missing", (r) -> r.typed(null, loginBody(randomEmail(), wrongPassword()), Expected.exactly(415)));
		add(f, "multipart-garbage", (r) -> r.typed("multipart/form-data; boundary=" + word(8, 30),
				pick("", junk(nextInt(300)), "--not-the-boundary\r\n\r\n", loginBody(randomEmail(), wrongPassword())),
				Expected.exactly(415)));
		add(f, "multipart-without-boundary", (r) -> r.typed(pick("multipart/form-data", "multipart/mixed"), junk(nextInt(200)),
				Expected.exactly(415)));
		add(f, "multipart-truncated", (r) -> {
			String boundary = word(10, 20);
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + randomEmail();
			r.typed("multipart/form-data; boundary=" + boundary, body.substring(0, nextInt(body.length() + 1)), Expected.exactly(415));
		});
		add(f, "multipart-well-formed", (r) -> {
			String boundary = word(10, 20);
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + randomEmail()
					+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + wrongPassword()
					+ "\r\n--" + boundary + "--\r\n";
			r.typed("multipart/form-data; boundary=" + boundary, body, Expected.exactly(415));
		});
		add(f, "xml", (r) -> r.typed(pick("application/xml", "text/xml"), "<login><email>" + randomEmail() + "</email></login>",
				Expected.exactly(415)));
		add(f, "octet-stream", (r) -> r.typedBytes("application/octet-stream", randomBytes(nextInt(500)), Expected.exactly(415)));
		add(f, "other-json-types", (r) -> r.typed(pick("application/vnd.api+json", "text/json", "application/json-patch+json",
				"application/problem+json", "application/jsonx", "application/x-json"), loginBody(randomEmail(), wrongPassword()),
				Expected.exactly(415)));
		add(f, "bogus-charset", (r) -> r.typed(pick("application/json; charset=bogus", "application/json; charset=\"\"",
				"application/json; charset=ebcdic-xx-unknown"), loginBody(randomEmail(), wrongPassword()), Expected.exactly(400, 415)));
		add(f, "malformed-media-type", (r) -> r.typed(pick("application/", "json", "/", ";;;", "application/json;;=;",
				"application/json; =x", "a/b/c", "*/*", "application/*"), loginBody(randomEmail(), wrongPassword()),
				Expected.exactly(400, 415)));
	}

	void wrongMethods() {
		String f = "wrong-method";
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
			add(f, "token-" + method, (r) -> {
				r.method = method;
				r.path = tokenPath();
				if (!method.equals("GET") && this.random.nextBoolean()) {
					r.body(JSON, loginBody(randomEmail(), wrongPassword()).getBytes(StandardCharsets.UTF_8));
				}
				r.expected = Expected.exactly(405);
			});
		}
		for (String method : List.of("POST", "DELETE")) {
			add(f, "profile-" + method, (r) -> {
				r.method = method;
				r.path = profilePath();
				if (this.random.nextBoolean()) {
					r.body(JSON, object("marketing_consent", "true").getBytes(StandardCharsets.UTF_8));
				}
				r.expected = Expected.exactly(405);
			});
		}
	}

	void exoticMethods() {
		String f = "exotic-method";
		add(f, "token-or-profile", (r) -> {
			r.method = pick("TRACE", "PROPFIND", "FOO", "post", "Get", "MKCOL", "LOCK");
			r.path = this.random.nextBoolean() ? tokenPath() : profilePath();
			if (this.random.nextBoolean()) {
				r.body(JSON, loginBody(randomEmail(), wrongPassword()).getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(400, 405, 501);
		});
	}

	void unknownRoutes() {
		String f = "unknown-route";
		unknownRoute(f, "random-segments", true, () -> {
			StringBuilder path = new StringBuilder(BASE);
			for (int i = 0, n = 1 + nextInt(5); i < n; i++) {
				path.append('/').append(segment());
			}
			return path + slash();
		});
		unknownRoute(f, "near-miss", true, () -> BASE + "/" + pick("tokens", "toke", "TOKEN", "Token", "token/extra", "token/x/y",
				"profile/extra", "profiles", "PROFILE", "Profile", "token.json", "profile.json", "token/refresh/extra/more",
				"tokenx", "xtoken") + slash());
		unknownRoute(f, "base-path-itself", true, () -> BASE + pick("", "/"));
		unknownRoute(f, "encoded-unreserved", true, () -> BASE + "/%41%42" + segment() + slash());
		unknownRoute(f, "encoded-utf8", true, () -> BASE + "/" + segment() + pick("%C3%A9", "%F0%9F%98%80", "%E2%80%AE", "%EF%BF%BF")
				+ slash());
		unknownRoute(f, "encoded-space", true, () -> BASE + "/" + segment() + "%20" + segment() + slash());
		unknownRoute(f, "very-long", true, () -> {
			StringBuilder path = new StringBuilder(BASE);
			int target = 1500 + nextInt(2400);
			while (path.length() < target) {
				path.append('/').append(segment());
			}
			return path.toString();
		});
		// Not normalised by the client: the security firewall may refuse them (400) instead of routing them (404).
		unknownRoute(f, "dot-dot-segments", false,
				() -> BASE + "/" + segment() + "/" + segment() + "/../" + pick("", "../") + "x" + segment() + slash());
		unknownRoute(f, "dot-segment", false, () -> BASE + "/./" + segment() + pick("", "/.", "/./"));
		unknownRoute(f, "query-garbage", true, () -> BASE + "/" + segment() + "?a=%00&b=%FF&" + junkQuery());
		// Paths that the servlet container or the security firewall may refuse outright (400) rather than route.
		unknownRoute(f, "encoded-slash", false, () -> BASE + "/" + segment() + "%2F" + segment() + slash());
		unknownRoute(f, "encoded-backslash", false, () -> BASE + "/" + segment() + "%5C" + segment());
		unknownRoute(f, "encoded-percent", false, () -> BASE + "/" + segment() + "%25" + pick("", "41", "2F", "2e%252e"));
		unknownRoute(f, "encoded-nul", false, () -> BASE + "/" + segment() + "%00" + slash());
		unknownRoute(f, "encoded-dot-dot", false, () -> BASE + "/" + segment() + "/" + pick("%2E%2E", "%2e.", ".%2e") + "/" + segment());
		unknownRoute(f, "semicolon", false, () -> BASE + "/" + segment() + pick(";", ";jsessionid=abc", "%3B", ";a=b/c"));
		unknownRoute(f, "double-slash", false, () -> BASE + "//" + segment() + pick("", "//", "/"));
		unknownRoute(f, "invalid-encoded-utf8", false, () -> BASE + "/" + segment() + pick("%C3%28", "%FF", "%ED%A0%80", "%C0%AF"));
	}

	void unknownRoute(String family, String name, boolean routed, java.util.function.Supplier<String> path) {
		add(family, name, (r) -> {
			r.path = path.get();
			r.method = pick("GET", "GET", "POST", "DELETE", "PUT", "PATCH");
			if (!r.method.equals("GET") && this.random.nextBoolean()) {
				r.body(JSON, loginBody(randomEmail(), wrongPassword()).getBytes(StandardCharsets.UTF_8));
			}
			// Default deny covers unknown routes: 401 without a token, 404 with one.
			boolean withToken = this.random.nextBoolean();
			if (withToken) {
				authorize(r, "Bearer " + this.context.access());
			}
			int answer = withToken ? 404 : 401;
			Expected expected = routed ? Expected.exactly(answer) : Expected.exactly(400, answer);
			r.expected = withToken ? expected : expected.withBearerChallenge();
		});
	}

	void bearerGarbage() {
		String f = "bearer";
		bearer(f, "missing", () -> null);
		bearer(f, "scheme-only", () -> pick("Bearer", "bearer", "BEARER"));
		bearer(f, "scheme-and-space", () -> pick("Bearer ", "Bearer  ", "Bearer \t"));
		bearer(f, "junk", () -> "Bearer " + junk(1 + nextInt(300)));
		bearer(f, "token-like-junk", () -> "Bearer " + tokenChars(1 + nextInt(400)));
		bearer(f, "three-part-junk", () -> "Bearer " + tokenChars(1 + nextInt(60)) + "." + tokenChars(nextInt(200)) + "."
				+ tokenChars(nextInt(60)));
		bearer(f, "very-long", () -> "Bearer " + tokenChars(2000 + nextInt(5000)));
		bearer(f, "other-scheme", () -> pick("Basic ", "Digest ", "Token ", "JWT ", "Negotiate ", "")
				+ pick("dXNlcjpwYXNz", junk(20), this.context.access()));
		bearer(f, "scheme-without-space", () -> "Bearer" + pick(this.context.access(), "\t" + this.context.access(), ":x", "=abc"));
		bearer(f, "double-space", () -> "Bearer  " + pick(junk(10), "abc def", "a.b.c d"));
		bearer(f, "alg-none", () -> "Bearer " + jwt("{\"alg\":\"" + pick("none", "None", "NONE", "nOnE") + "\",\"typ\":\"JWT\"}",
				validClaims(this.context.userId(), "access", 3600), null));
		bearer(f, "alg-none-with-signature", () -> "Bearer " + jwt("{\"alg\":\"none\"}", validClaims(this.context.userId(), "access", 3600),
				null) + tokenChars(43));
		bearer(f, "expired", () -> "Bearer " + jwt(hs256(), validClaims(this.context.userId(), "access", -3600 - nextInt(100_000)),
				"HmacSHA256"));
		bearer(f, "not-yet-valid", () -> "Bearer " + jwt(hs256(), validClaims(this.context.userId(), "access", 3600)
				.replaceFirst("}$", ",\"nbf\":" + (now() + 86_400) + "}"), "HmacSHA256"));
		bearer(f, "wrong-key", () -> "Bearer " + jwt(hs256(), validClaims(this.context.userId(), "access", 3600), "HmacSHA256",
				"another-secret-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8)));
		bearer(f, "other-hmac-algorithm", () -> {
			String alg = pick("HS384", "HS512");
			return "Bearer " + jwt("{\"alg\":\"" + alg + "\"}", validClaims(this.context.userId(), "access", 3600),
					alg.equals("HS384") ? "HmacSHA384" : "HmacSHA512");
		});
		bearer(f, "asymmetric-algorithm", () -> "Bearer " + jwt("{\"alg\":\"" + pick("RS256", "ES256", "PS256", "EdDSA") + "\"}",
				validClaims(this.context.userId(), "access", 3600), null) + tokenChars(86));
		bearer(f, "refresh-token-as-access", () -> "Bearer " + this.context.refresh());
		// Signed with the real key, claims of the owner's live session: only the header typ is not at+jwt.
		bearer(f, "access-claims-without-at-jwt-typ", () -> "Bearer " + jwt(pick("{\"alg\":\"HS256\"}",
				"{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"application/jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"\"}",
				"{\"alg\":\"HS256\",\"typ\":\"at+jwt \"}"), validClaims(this.context.userId(), "access", 3600),
				"HmacSHA256"));
		bearer(f, "refresh-claims-typed-at-jwt", () -> "Bearer " + jwt(hs256(),
				validClaims(this.context.userId(), "refresh", 3600), "HmacSHA256"));
		bearer(f, "forged-refresh-type", () -> "Bearer " + jwt(hs256(), validClaims(this.context.userId(),
				pick("refresh", "ACCESS", "", "id"), 3600), "HmacSHA256"));
		bearer(f, "header-not-an-object", () -> "Bearer " + jwt(pick("null", "[]", "1", "\"HS256\"", "{", "{\"alg\":"),
				validClaims(this.context.userId(), "access", 3600), "HmacSHA256"));
		bearer(f, "header-odd-values", () -> "Bearer " + jwt(pick("{\"alg\":123}", "{\"alg\":null}", "{\"alg\":[\"HS256\"]}",
				"{\"alg\":\"HS256\",\"crit\":\"b64\"}", "{\"alg\":\"HS256\",\"crit\":[\"x-unknown\"],\"x-unknown\":1}",
				"{\"alg\":\"HS256\",\"kid\":{}}", "{\"alg\":\"HS256\",\"zip\":\"DEF\"}", "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}",
				"{\"alg\":\"HS256\",\"typ\":[]}", "{\"alg\":\"HS256\",\"jku\":\"http://127.0.0.1:1/keys\"}",
				"{\"alg\":\"HS256\",\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"enc\":\"A128GCM\"}"),
				// Signed with the real key: a user that does not exist keeps the answer 401 even if the header is
				// tolerated (a correctly signed token is not forged, whatever its header).
				validClaims(UUID.randomUUID(), "access", 3600), "HmacSHA256"));
		bearer(f, "signed-payload-not-an-object", () -> "Bearer " + jwt(hs256(), pick("null", "[]", "\"x\"", "42", "{", "",
				"[" + validClaims(this.context.userId(), "access", 3600) + "]"), "HmacSHA256"));
		bearer(f, "signed-claims-odd-types", () -> "Bearer " + jwt(hs256(), pick(
				"{\"sub\":123,\"user_id\":123,\"sid\":1,\"jti\":[],\"iat\":\"x\",\"exp\":\"later\",\"token_type\":\"access\"}",
				"{\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":1e400,\"token_type\":\"access\"}",
				"{\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":{},\"token_type\":\"access\"}",
				"{\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":-1,\"token_type\":\"access\"}",
				"{\"sub\":null,\"exp\":" + (now() + 3600) + ",\"token_type\":\"access\"}",
				"{\"aud\":{},\"iss\":[],\"exp\":" + (now() + 3600) + ",\"token_type\":\"access\"}",
				"{\"token_type\":{\"a\":1}}"), "HmacSHA256"));
		bearer(f, "signed-missing-claims", () -> "Bearer " + jwt(hs256(), pick("{}", "{\"token_type\":\"access\"}",
				"{\"sub\":\"" + this.context.userId() + "\",\"token_type\":\"access\",\"exp\":" + (now() + 3600) + "}"), "HmacSHA256"));
		bearer(f, "signed-sub-not-a-uuid", () -> "Bearer " + jwt(hs256(), validClaims(this.context.userId(), "access", 3600)
			.replace(this.context.userId().toString(), pick("1", "admin", "00000000-0000-0000-0000-00000000000g",
					"-1-1-1-1", this.context.userId().toString().toUpperCase(java.util.Locale.ROOT) + " ")), "HmacSHA256"));
		bearer(f, "signed-unknown-user", () -> "Bearer " + jwt(hs256(), validClaims(UUID.randomUUID(), "access", 3600), "HmacSHA256"));
		bearer(f, "tampered-signature", () -> {
			String access = this.context.access();
			int at = access.lastIndexOf('.') + 1 + nextInt(access.length() - access.lastIndexOf('.') - 2);
			char replacement = access.charAt(at) == 'A' ? 'B' : 'A';
			return "Bearer " + access.substring(0, at) + replacement + access.substring(at + 1);
		});
		bearer(f, "tampered-payload", () -> {
			String[] parts = this.context.access().split("\\.");
			return "Bearer " + parts[0] + "." + b64(validClaims(UUID.randomUUID(), "access", 3600)) + "." + parts[2];
		});
		bearer(f, "signature-stripped", () -> "Bearer " + this.context.access().substring(0, this.context.access().lastIndexOf('.') + 1));
		bearer(f, "jwe-shaped", () -> "Bearer " + b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + ".." + tokenChars(16) + "."
				+ tokenChars(100) + "." + tokenChars(22));
		bearer(f, "access-token-with-trailing-junk", () -> "Bearer " + this.context.access() + pick("!", " x", ".", "..", "==x", "\"",
				",", ";"));
		bearer(f, "padding-and-odd-chars", () -> "Bearer " + pick("====", "a==b", "~~~", "///", "+++", "..", ".", "-"));
		bearer(f, "two-authorization-headers", () -> "Bearer " + junk(5) + "\u0000SECOND\u0000" + "Bearer " + this.context.access());
	}

	void bearer(String family, String name, java.util.function.Supplier<@Nullable String> authorization) {
		this.badAuthorizations.add(new BadAuthorization(name, authorization));
		add(family, name, (r) -> {
			r.method = "GET";
			r.path = profilePath();
			r.body = null;
			authorize(r, authorization.get());
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
	}

	/** Set an {@code Authorization} value (none for {@code null}; two headers where the value says so). */
	void authorize(Draft r, @Nullable String value) {
		if (value != null) {
			int split = value.indexOf("\u0000SECOND\u0000");
			if (split >= 0) {
				r.header("Authorization", value.substring(0, split));
				r.header("Authorization", value.substring(split + 8));
			}
			else {
				r.header("Authorization", value);
			}
		}
	}

	/**
	 * A garbage {@code Authorization} value of the bearer family, for routes other than {@code profile/}: every one
	 * of them, including those signed with the real key for a user that does not exist (once left out, when the
	 * authentication filter accepted them).
	 */
	String usableBadAuthorization() {
		return this.badAuthorizations.get(nextInt(this.badAuthorizations.size())).value().get();
	}

	/** A garbage {@code Authorization} value of the bearer family, by name. */
	record BadAuthorization(String name, java.util.function.Supplier<@Nullable String> value) {
	}

	void wrongCredentials() {
		String f = "wrong-credentials";
		add(f, "owner-wrong-password", (r) -> r.loginJson(loginBody(this.context.ownerEmail(), wrongPassword()), Expected.exactly(401)));
		add(f, "owner-upper-case-wrong-password", (r) -> r.loginJson(loginBody(this.context.ownerEmail().toUpperCase(java.util.Locale.ROOT),
				wrongPassword()), Expected.exactly(401)));
		add(f, "unknown-email", (r) -> r.loginJson(loginBody(randomEmail(), wrongPassword()), Expected.exactly(401)));
		add(f, "username-field", (r) -> r.loginJson(object("username", str(pick(randomEmail(), this.context.ownerEmail())),
				"password", str(wrongPassword())), Expected.exactly(401)));
		add(f, "extra-unknown-fields", (r) -> r.loginJson(object("email", str(randomEmail()), "password", str(wrongPassword()),
				pick("remember", "otp", "__proto__", "constructor"), pick("true", "{}", "[]", "null", "\"x\"")), Expected.exactly(400, 401)));
		add(f, "duplicate-keys", (r) -> r.loginJson(object("email", str(randomEmail()), "email", str(this.context.ownerEmail()),
				"password", str(wrongPassword())), Expected.exactly(400, 401)));
		add(f, "email-and-username-disagree", (r) -> r.loginJson(object("email", str(randomEmail()), "username",
				str(this.context.ownerEmail()), "password", str(wrongPassword())), Expected.exactly(401)));
	}

	// ---------------------------------------------------------------- values

	String loginBody(String email, String password) {
		return object(pick("email", "username"), str(email), "password", str(password));
	}

	private byte[] hugeJson() {
		int size = BODY_LIMIT + 1 + nextInt(400_000);
		String prefix = "{\"email\":" + str(randomEmail()) + ",\"password\":\"";
		return (prefix + "h".repeat(size - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	/** An email-ish text of exactly {@code length} UTF-16 units, of random filler. */
	String overlongEmail(int length) {
		String domain = "@example.com";
		String filler = filler(length - domain.length());
		return filler + domain;
	}

	String exactEmail(int length, String unit) {
		String domain = "@x.io";
		return unit.repeat(length - domain.length()) + domain;
	}

	/** Random filler of exactly {@code length} UTF-16 units: ASCII, two-byte, three-byte or four-byte characters. */
	String filler(int length) {
		String unit = pick("a", "\u00e9", "\u20ac", "\ud83d\ude00", "mixed");
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			String next = unit.equals("mixed") ? pick("a", "\u00e9", "\u20ac", "\ud83d\ude00") : unit;
			if (text.length() + next.length() > length) {
				next = "z";
			}
			text.append(next);
		}
		return text.toString();
	}

	String randomEmail() {
		return "corpus-" + word(3, 12) + "@" + word(2, 10) + ".example";
	}

	String wrongPassword() {
		return "wrong-" + word(6, 24);
	}

	String segment() {
		StringBuilder text = new StringBuilder();
		for (int i = 0, n = 1 + nextInt(16); i < n; i++) {
			text.append(SEGMENT.charAt(nextInt(SEGMENT.length())));
		}
		String value = text.toString();
		return (value.equals("token") || value.equals("profile")) ? value + "x" : value;
	}

	String word(int min, int max) {
		StringBuilder text = new StringBuilder();
		for (int i = 0, n = min + nextInt(max - min + 1); i < n; i++) {
			text.append(ALNUM.charAt(nextInt(ALNUM.length())));
		}
		return text.toString();
	}

	/** Printable ASCII. */
	String junk(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (0x21 + nextInt(0x5E)));
		}
		return text.toString();
	}

	String tokenChars(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(TOKEN_CHARS.charAt(nextInt(TOKEN_CHARS.length())));
		}
		return text.toString();
	}

	String junkQuery() {
		return word(1, 5) + "=" + word(0, 10) + "&" + pick("x", "%20", "%2F", "%3Cscript%3E", "a+b", "%E2%80%AE");
	}

	byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	String tokenPath() {
		return BASE + "/token" + slash();
	}

	String profilePath() {
		return BASE + "/profile" + slash();
	}

	String slash() {
		return this.random.nextBoolean() ? "/" : "";
	}

	// ---------------------------------------------------------------- JWTs

	/** The header of an HS256 access token ({@code typ: at+jwt}), so that forged tokens fail for their claims. */
	String hs256() {
		return pick("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", "{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}");
	}

	/** The header of an HS256 refresh token ({@code typ: rt+jwt}). */
	String hs256Refresh() {
		return pick("{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", "{\"typ\":\"rt+jwt\",\"alg\":\"HS256\"}");
	}

	String validClaims(UUID userId, String tokenType, long expiresInSeconds) {
		long now = now();
		return "{\"sub\":\"" + userId + "\",\"user_id\":\"" + userId + "\",\"sid\":\"" + this.context.sessionId()
				+ "\",\"jti\":\"" + tokenChars(22) + "\",\"iat\":" + Math.min(now, now + expiresInSeconds - 60) + ",\"exp\":"
				+ (now + expiresInSeconds) + ",\"token_type\":\"" + tokenType + "\"}";
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	String jwt(String header, String payload, @Nullable String macAlgorithm) {
		return jwt(header, payload, macAlgorithm, this.context.signingSecret());
	}

	static String jwt(String header, String payload, @Nullable String macAlgorithm, byte[] key) {
		String signingInput = b64(header) + "." + b64(payload);
		if (macAlgorithm == null) {
			return signingInput + ".";
		}
		try {
			Mac mac = Mac.getInstance(macAlgorithm);
			mac.init(new SecretKeySpec(key, macAlgorithm));
			byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	// ---------------------------------------------------------------- JSON text

	/** A JSON object of alternating names and raw JSON values, with random insignificant whitespace. */
	String object(String... namesAndValues) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			if (i > 0) {
				json.append(space()).append(',');
			}
			json.append(space()).append('"').append(namesAndValues[i]).append('"').append(space()).append(':').append(space())
				.append(namesAndValues[i + 1]);
		}
		return json.append(space()).append('}').toString();
	}

	String space() {
		return switch (nextInt(8)) {
			case 0 -> " ";
			case 1 -> "\n  ";
			case 2 -> "\t";
			default -> "";
		};
	}

	String anyEncoding(String value) {
		return this.random.nextBoolean() ? str(value) : escaped(value);
	}

	/** A JSON string: non-ASCII text raw (UTF-8), controls and unpaired surrogates escaped. */
	static String str(String value) {
		return quote(value, false);
	}

	/** A JSON string with everything outside printable ASCII written as {@code \\uXXXX}. */
	static String escaped(String value) {
		return quote(value, true);
	}

	static String quote(String value, boolean asciiOnly) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1));
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x7F || (asciiOnly && c > 0x7E)
					|| (Character.isSurrogate(c) && !paired && !(Character.isLowSurrogate(c) && i > 0
							&& Character.isHighSurrogate(value.charAt(i - 1))))) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	// ---------------------------------------------------------------- randomness

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	@SafeVarargs
	final <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	int pickInt(int... values) {
		return values[this.random.nextInt(values.length)];
	}

	static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		throw new IllegalArgumentException("byte not found");
	}

	// ---------------------------------------------------------------- plumbing

	void add(String family, String name, Recipe recipe) {
		this.variants.add(new Variant(family, name, recipe));
	}

	/** What the corpus needs from the running application. */
	record Context(String ownerEmail, UUID userId, UUID sessionId, String access, String refresh, byte[] signingSecret,
			UUID otherSessionId, String otherRefresh, UUID otherDataRequestId, String adminAccess) {
	}

	@FunctionalInterface
	interface Recipe {

		void fill(Draft draft);

	}

	private final class Variant {

		private final String family;

		private final String name;

		private final Recipe recipe;

		Variant(String family, String name, Recipe recipe) {
			this.family = family;
			this.name = name;
			this.recipe = recipe;
		}

		GeneratedRequest generate(int index) {
			Draft draft = new Draft();
			boolean chunkedIfBody = nextInt(100) < 15;
			draft.path = tokenPath();
			this.recipe.fill(draft);
			headerNoise(draft);
			boolean chunked = draft.body != null && (draft.forceChunked != null ? draft.forceChunked : chunkedIfBody);
			return new GeneratedRequest(index, this.family, this.name, draft.method, draft.path, List.copyOf(draft.headers),
					draft.body, chunked, draft.expected, draft.loginAttempt);
		}

	}

	/**
	 * Headers that must not change the answer: an odd {@code Accept} (problem JSON is the error format whatever the
	 * client asks for) and an odd {@code User-Agent} (stored, truncated, on a refused login).
	 */
	void headerNoise(Draft draft) {
		if (nextInt(100) < 15) {
			draft.header("Accept", pick("text/html", "application/xml", "image/png", "*/*", "application/json",
					"application/problem+json", "text/plain;q=0.1, application/*;q=0.5", "a/b;q=x", "garbage", ";;", "*/*;q=0"));
		}
		// Not on a draft whose headers are long already: beyond the server's header limit (8 KB) Tomcat answers 400
		// before MyUser sees the request, and the noise would change the answer after all.
		int headerChars = draft.headers.stream().mapToInt(String::length).sum();
		if (nextInt(100) < 10 && headerChars < 1000) {
			StringBuilder agent = new StringBuilder();
			for (int i = 0, n = 1 + nextInt(3000); i < n; i++) {
				agent.append((char) (nextInt(4) == 0 ? 0xA0 + nextInt(0x60) : 0x20 + nextInt(0x5F)));
			}
			draft.header("User-Agent", agent.toString().strip() + "x");
		}
	}

	/** A request being put together by a recipe. Defaults: POST to {@code token/}. */
	final class Draft {

		String method = "POST";

		String path = "";

		final List<String> headers = new ArrayList<>();

		byte @Nullable [] body;

		@Nullable Boolean forceChunked;

		Expected expected = Expected.anyClientError();

		boolean loginAttempt;

		void header(String name, String value) {
			this.headers.add(name);
			this.headers.add(value);
		}

		void contentType(@Nullable String type) {
			for (int i = 0; i < this.headers.size(); i += 2) {
				if (this.headers.get(i).equalsIgnoreCase("Content-Type")) {
					this.headers.remove(i);
					this.headers.remove(i);
					break;
				}
			}
			if (type != null) {
				header("Content-Type", type);
			}
		}

		void body(@Nullable String type, byte[] bytes) {
			contentType(type);
			this.body = bytes;
		}

		void json(String text, Expected expected) {
			jsonBytes(text.getBytes(StandardCharsets.UTF_8), expected);
		}

		void jsonBytes(byte[] bytes, Expected expected) {
			body(pick(JSON, JSON, "application/json; charset=UTF-8", "application/json;charset=utf-8", "Application/JSON"), bytes);
			this.expected = expected;
		}

		/** A well-formed body that may reach the password check. */
		void loginJson(String text, Expected expected) {
			json(text, expected);
			this.loginAttempt = expected.allows(401);
		}

		void loginJsonBytes(byte[] bytes, Expected expected) {
			jsonBytes(bytes, expected);
			this.loginAttempt = expected.allows(401);
		}

		/** A JSON body with an overlong field: 413 if the body is over the limit, else 400. */
		void sized(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			jsonBytes(bytes, Expected.exactly(bytes.length > BODY_LIMIT ? 413 : 400));
		}

		void huge(boolean chunked, byte[] bytes) {
			jsonBytes(bytes, Expected.exactly(413));
			this.forceChunked = chunked;
		}

		void typed(@Nullable String type, String text, Expected expected) {
			typedBytes(type, text.getBytes(StandardCharsets.UTF_8), expected);
		}

		void typedBytes(@Nullable String type, byte[] bytes, Expected expected) {
			body(type, bytes);
			this.expected = expected;
		}

	}

}
