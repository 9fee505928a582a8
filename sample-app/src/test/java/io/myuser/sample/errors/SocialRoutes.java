package io.myuser.sample.errors;

import java.nio.charset.StandardCharsets;

import io.myuser.sample.errors.GeneratedRequest.Expected;
import io.myuser.sample.errors.MalformedRequestGenerator.Draft;

/**
 * The recipes of {@link MalformedRequestGenerator} for the social routes: {@code social/{provider}/},
 * {@code social/{provider}/connect/}, {@code social/exchange/}, {@code social/accounts/…} and the redirect flow's
 * {@code authorize}/{@code callback}. The corpus' context registers no provider, so every well-formed credential
 * would answer 404: each body here is broken in a way the contract answers 400 (or 413/415) before any provider
 * is looked up, and the path variables are providers, known or not. Nothing here can log in, connect or
 * disconnect anything.
 */
final class SocialRoutes {

	private static final String JSON = "application/json";

	private static final String SOCIAL = MalformedRequestGenerator.BASE + "/social";

	/** Longest token the API reads before refusing it as too long. */
	private static final int TOKEN_MAX = 8192;

	private final MalformedRequestGenerator g;

	SocialRoutes(MalformedRequestGenerator generator) {
		this.g = generator;
	}

	void register() {
		loginBodies("login", false);
		loginBodies("connect", true);
		exchange();
		accounts();
		redirectFlow();
	}

	private void loginBodies(String name, boolean connect) {
		String f = "social-" + name;
		login(f, name + "-broken-json", connect, (r) -> r.json(this.g.pick("{\"access_token\":", "{\"access_token\":\"a\"",
				"{access_token:\"a\"}", "{'access_token':'a'}", "{\"access_token\":\"a\",}", "[", "{\"id_token\":NaN}"),
				Expected.exactly(400)));
		login(f, name + "-non-object", connect, (r) -> r.json(this.g.pick("[]", "null", "true", "\"token\"", "42",
				"[{\"access_token\":\"a\"}]"), Expected.exactly(400)));
		login(f, name + "-no-credential", connect, (r) -> r.json(this.g.pick("{}", "{\"access_token\":\"\"}",
				"{\"id_token\":\" \"}", "{\"code\":null}", "{\"redirect_uri\":\"https://app.example/cb\"}",
				"{\"nonce\":\"n\"}", "{\"code_verifier\":\"" + "v".repeat(50) + "\"}"), Expected.exactly(400)));
		login(f, name + "-two-credentials", connect, (r) -> r.json(this.g.pick(
				"{\"access_token\":\"a\",\"id_token\":\"b\"}", "{\"access_token\":\"a\",\"code\":\"c\",\"redirect_uri\":\"x\"}",
				"{\"id_token\":\"a\",\"code\":\"c\",\"redirect_uri\":\"https://app.example/cb\"}"),
				Expected.exactly(400)));
		login(f, name + "-code-without-redirect", connect,
				(r) -> r.json("{\"code\":" + MalformedRequestGenerator.str(this.g.tokenChars(1 + this.g.nextInt(60)))
						+ "}", Expected.exactly(400).withErrorsOn("redirect_uri")));
		login(f, name + "-bad-verifier", connect, (r) -> r.json("{\"code\":\"c\",\"redirect_uri\":\"https://app.example/cb\","
				+ "\"code_verifier\":" + MalformedRequestGenerator.str(this.g.pick("short", "v".repeat(129), "has space "
						+ "v".repeat(50), "ünïcode" + "v".repeat(50))) + "}", Expected.exactly(400)));
		login(f, name + "-wrong-types", connect, (r) -> r.json(this.g.object(this.g.pick("access_token", "id_token", "code"),
				this.g.pick("1", "true", "{}", "[]", "[\"a\"]", "{\"token\":\"a\"}", "1.5")), Expected.exactly(400)));
		login(f, name + "-overlong", connect, (r) -> r.json(this.g.object(this.g.pick("access_token", "id_token"),
				MalformedRequestGenerator.str(this.g.tokenChars(TOKEN_MAX + 1 + this.g.nextInt(2000)))),
				Expected.exactly(400, 413)));
		login(f, name + "-control-characters", connect, (r) -> r.json(this.g.object("access_token",
				MalformedRequestGenerator.str(this.g.pick("a\u0000b", "tok\u0007en", "\u001b[31m", "a\u202eb\u0000"))),
				Expected.exactly(400)));
		login(f, name + "-wrong-content-type", connect, (r) -> {
			r.body(this.g.pick("text/plain", "application/x-www-form-urlencoded", "application/xml"),
					"access_token=a".getBytes(StandardCharsets.UTF_8));
			r.expected = Expected.exactly(415);
		});
	}

	private void login(String family, String name, boolean connect, MalformedRequestGenerator.Recipe recipe) {
		this.g.add(family, name, (r) -> {
			r.method = "POST";
			r.path = SOCIAL + "/" + provider() + (connect ? "/connect" : "") + this.g.slash();
			if (connect) {
				authorize(r);
			}
			recipe.fill(r);
		});
	}

	private void exchange() {
		String f = "social-exchange";
		exchange(f, "exchange-broken", (r) -> r.json(this.g.pick("{\"code\":", "[]", "null", "{code:1}"), Expected.exactly(400)));
		exchange(f, "exchange-missing", (r) -> r.json(this.g.pick("{}", "{\"code\":\"\"}", "{\"code\":null}",
				"{\"code_verifier\":\"" + "v".repeat(50) + "\"}"), Expected.exactly(400)));
		exchange(f, "exchange-wrong-type", (r) -> r.json(this.g.object("code", this.g.pick("1", "true", "{}", "[\"c\"]")),
				Expected.exactly(400)));
		exchange(f, "exchange-never-issued", (r) -> r.json(this.g.object("code",
				MalformedRequestGenerator.str(this.g.tokenChars(1 + this.g.nextInt(128)))), Expected.exactly(400)));
		exchange(f, "exchange-overlong", (r) -> r.json(this.g.object("code",
				MalformedRequestGenerator.str(this.g.tokenChars(129 + this.g.nextInt(5000)))), Expected.exactly(400, 413)));
		exchange(f, "exchange-bad-verifier", (r) -> r.json("{\"code\":\"c\",\"code_verifier\":"
				+ MalformedRequestGenerator.str(this.g.pick("x", "v".repeat(200), "bad verifier " + "v".repeat(40))) + "}",
				Expected.exactly(400)));
	}

	private void exchange(String family, String name, MalformedRequestGenerator.Recipe recipe) {
		this.g.add(family, name, (r) -> {
			r.method = "POST";
			r.path = SOCIAL + "/exchange" + this.g.slash();
			recipe.fill(r);
		});
	}

	private void accounts() {
		String f = "social-accounts";
		this.g.add(f, "accounts-unauthenticated", (r) -> {
			r.method = "GET";
			r.path = SOCIAL + "/accounts" + this.g.pick("", "/status") + this.g.slash();
			this.g.authorize(r, this.g.usableBadAuthorization());
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
		this.g.add(f, "disconnect-unauthenticated", (r) -> {
			r.method = this.g.pick("POST", "DELETE");
			r.path = SOCIAL + "/accounts/" + provider() + "/disconnect" + this.g.slash();
			this.g.authorize(r, this.g.usableBadAuthorization());
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
		this.g.add(f, "disconnect-not-connected", (r) -> {
			r.method = this.g.pick("POST", "DELETE");
			r.path = SOCIAL + "/accounts/" + provider() + "/disconnect" + this.g.slash();
			authorize(r);
			r.expected = Expected.exactly(404);
		});
		this.g.add(f, "accounts-wrong-method", (r) -> {
			r.method = this.g.pick("POST", "PUT", "DELETE", "PATCH");
			r.path = SOCIAL + "/accounts/status" + this.g.slash();
			authorize(r);
			r.body(JSON, "{}".getBytes(StandardCharsets.UTF_8));
			r.expected = Expected.exactly(405);
		});
	}

	private void redirectFlow() {
		String f = "social-redirect";
		this.g.add(f, "authorize-anywhere", (r) -> {
			r.method = "GET";
			r.path = SOCIAL + "/" + provider() + "/authorize" + this.g.slash() + "?redirect_to="
					+ this.g.pick("https://evil.example/", "javascript:alert(1)", "", "%00", "//evil.example");
			// No provider is registered and the flow is off here: 404; with one, a foreign redirect_to is 400.
			r.expected = Expected.exactly(400, 404);
		});
		this.g.add(f, "callback-without-state", (r) -> {
			r.method = "GET";
			r.path = SOCIAL + "/" + provider() + "/callback" + this.g.slash() + this.g.pick("", "?code=c", "?state=",
					"?state=" + this.g.tokenChars(43) + "&code=c", "?error=access_denied");
			r.expected = Expected.exactly(400, 404);
		});
	}

	private String provider() {
		return this.g.pick("google", "github", "facebook", "acme", "myspace", "GOOGLE", "x".repeat(40));
	}

	private void authorize(Draft r) {
		r.header("Authorization", "Bearer " + this.g.context.access());
	}

}
