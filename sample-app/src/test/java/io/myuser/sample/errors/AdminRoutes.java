package io.myuser.sample.errors;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.myuser.sample.errors.GeneratedRequest.Expected;
import io.myuser.sample.errors.MalformedRequestGenerator.Draft;

/**
 * The recipes of {@link MalformedRequestGenerator} for the administration routes under {@code admin/}: the corpus
 * owner's own (non-staff) token is refused everywhere (403), garbage bearer tokens are 401, and with a staff
 * token only requests that must be refused are sent: bad search and audit-trail parameters (400 on the
 * parameter), ids of no account (404) and wrong methods (405). No request here names an existing account in an
 * action that could succeed, so nothing is deactivated, ended, sent or audited.
 */
final class AdminRoutes {

	private static final String USERS = MalformedRequestGenerator.BASE + "/admin/users";

	private final MalformedRequestGenerator g;

	AdminRoutes(MalformedRequestGenerator generator) {
		this.g = generator;
	}

	void register() {
		String f = "admin";
		this.g.add(f, "admin-not-staff", (r) -> {
			route(r, this.g.pick(this.g.context.userId(), UUID.randomUUID()).toString());
			r.header("Authorization", "Bearer " + this.g.context.access());
			r.expected = Expected.exactly(403);
		});
		this.g.add(f, "admin-unauthenticated", (r) -> {
			route(r, this.g.context.userId().toString());
			this.g.authorize(r, this.g.usableBadAuthorization());
			r.expected = Expected.exactly(401).withBearerChallenge();
		});
		this.g.add(f, "admin-search-bad-parameter", (r) -> {
			String[] parameter = this.g.pick(new String[] { "size", "0" }, new String[] { "size", "101" },
					new String[] { "size", "-1" }, new String[] { "size", "ten" },
					new String[] { "size", "9".repeat(30) }, new String[] { "page", "0" },
					new String[] { "page", "-3" }, new String[] { "page", "10001" }, new String[] { "page", "1.5" },
					new String[] { "email", "a".repeat(255 + this.g.nextInt(2000)) },
					new String[] { "email", "ab%00cd" }, new String[] { "email", "%7F" },
					new String[] { "email", "x%C2%85y" });
			r.method = "GET";
			r.path = USERS + this.g.slash() + "?" + parameter[0] + "=" + parameter[1];
			admin(r);
			r.expected = Expected.exactly(400).withErrorsOn(parameter[0]);
		});
		this.g.add(f, "admin-unknown-user", (r) -> {
			String id = this.g.pick(UUID.randomUUID().toString(), "not-an-id", "0", "%20",
					UUID.randomUUID().toString().substring(1), "1".repeat(37 + this.g.nextInt(300)));
			String action = this.g.pick("", "/deactivate", "/reactivate", "/sessions", "/verification-email");
			r.method = switch (action) {
				case "" -> "GET";
				case "/sessions" -> "DELETE";
				default -> "POST";
			};
			r.path = USERS + "/" + id + action + this.g.slash();
			admin(r);
			r.expected = Expected.exactly(404);
		});
		this.g.add(f, "admin-unknown-user-audit-trail", (r) -> {
			r.method = "GET";
			r.path = USERS + "/" + this.g.pick("not-an-id", "0", UUID.randomUUID().toString().substring(2)) + "/audit-logs"
					+ this.g.slash();
			admin(r);
			r.expected = Expected.exactly(404);
		});
		this.g.add(f, "admin-audit-trail-bad-parameter", (r) -> {
			String[] parameter = this.g.pick(new String[] { "size", "0" }, new String[] { "size", "x" },
					new String[] { "event_type", "NOPE" }, new String[] { "from", "yesterday" },
					new String[] { "to", "2026-01-01" }, new String[] { "cursor", "abc" },
					new String[] { "page", "2" });
			r.method = "GET";
			r.path = USERS + "/" + this.g.context.userId() + "/audit-logs" + this.g.slash() + "?" + parameter[0] + "="
					+ parameter[1];
			admin(r);
			r.expected = Expected.exactly(400).withErrorsOn(parameter[0]);
		});
		this.g.add(f, "admin-wrong-method", (r) -> {
			String[] route = this.g.pick(new String[] { this.g.pick("POST", "PUT", "PATCH", "DELETE"), "" },
					new String[] { this.g.pick("GET", "PUT", "PATCH", "DELETE"), "/deactivate" },
					new String[] { this.g.pick("GET", "PUT", "PATCH"), "/sessions" },
					new String[] { this.g.pick("GET", "PUT", "DELETE"), "/verification-email" });
			r.method = route[0];
			r.path = (route[1].isEmpty() ? USERS : USERS + "/" + this.g.context.userId() + route[1]) + this.g.slash();
			admin(r);
			if (!r.method.equals("GET") && !r.method.equals("DELETE")) {
				r.body("application/json", "{}".getBytes(StandardCharsets.UTF_8));
			}
			r.expected = Expected.exactly(405);
		});
	}

	/** Any admin route, with any method it answers. */
	private void route(Draft r, String id) {
		String[] route = this.g.pick(new String[] { "GET", "" }, new String[] { "GET", "/" + id },
				new String[] { "POST", "/" + id + "/deactivate" }, new String[] { "POST", "/" + id + "/reactivate" },
				new String[] { "DELETE", "/" + id + "/sessions" },
				new String[] { "POST", "/" + id + "/verification-email" }, new String[] { "GET", "/" + id + "/audit-logs" });
		r.method = route[0];
		r.path = USERS + route[1] + this.g.slash();
		if (r.method.equals("POST")) {
			r.body("application/json", "{}".getBytes(StandardCharsets.UTF_8));
		}
	}

	private void admin(Draft r) {
		r.header("Authorization", "Bearer " + this.g.context.adminAccess());
	}

}
