package io.myuser.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The routes one feature (or the host) opens or guards on MyUser's security chain, relative to
 * {@code myuser.web.base-path}: a contribution. Each feature's auto-configuration declares a bean of this type
 * for the routes it serves, so a feature that is switched off leaves none open; the chain applies every bean's
 * routes, authority-guarded ones first, then public and authenticated ones, and refuses everything else (401 without a
 * token, 404 with one when nothing handles the path).
 * <pre class="code">
 * &#64;Bean
 * MyUserRoutes reportRoutes() {
 *     return MyUserRoutes.of("reports")
 *         .authenticated(HttpMethod.GET, "/reports/{id}")
 *         .hasRole("STAFF", HttpMethod.GET, "/reports")
 *         .build();
 * }
 * </pre>
 */
public final class MyUserRoutes {

	private final String feature;

	private final List<Route> routes;

	private MyUserRoutes(String feature, List<Route> routes) {
		this.feature = feature;
		this.routes = List.copyOf(routes);
	}

	/**
	 * Start the routes of a feature.
	 * @param feature what contributes them, for messages and logs
	 * @return a builder
	 */
	public static Builder of(String feature) {
		Assert.hasText(feature, "feature cannot be empty");
		return new Builder(feature);
	}

	public String feature() {
		return this.feature;
	}

	public List<Route> routes() {
		return this.routes;
	}

	@Override
	public String toString() {
		return "MyUserRoutes[" + this.feature + ": " + this.routes + "]";
	}

	/** Who may call a route. */
	public enum Access {

		/** Anyone: the route is its own credential or needs none (login, a link's token). */
		PUBLIC,

		/** A caller with a valid MyUser access token. */
		AUTHENTICATED,

		/** A caller with a valid access token that grants an authority (a role is an authority {@code ROLE_...}). */
		AUTHORITY

	}

	/**
	 * One route.
	 *
	 * @param method the HTTP method
	 * @param path the path pattern below the base path, starting with {@code /} (Spring's path patterns)
	 * @param access who may call it
	 * @param authority the authority, such as {@code ROLE_STAFF}, for {@link Access#AUTHORITY}; else {@code null}
	 */
	public record Route(HttpMethod method, String path, Access access, @Nullable String authority) {

		public Route {
			Assert.notNull(method, "method cannot be null");
			Assert.isTrue(path != null && path.startsWith("/"), "path must start with /");
			Assert.notNull(access, "access cannot be null");
			Assert.isTrue((access == Access.AUTHORITY) == (authority != null && !authority.isBlank()),
					"an authority is given exactly for authority-guarded routes");
		}

	}

	/**
	 * Builds a feature's routes.
	 */
	public static final class Builder {

		private final String feature;

		private final List<Route> routes = new ArrayList<>();

		private Builder(String feature) {
			this.feature = feature;
		}

		public Builder permitAll(HttpMethod method, String... paths) {
			return add(method, Access.PUBLIC, null, paths);
		}

		public Builder authenticated(HttpMethod method, String... paths) {
			return add(method, Access.AUTHENTICATED, null, paths);
		}

		/**
		 * Guard routes by a role.
		 * @param role the role, without {@code ROLE_}
		 * @param method the method
		 * @param paths the paths
		 * @return this builder
		 */
		public Builder hasRole(String role, HttpMethod method, String... paths) {
			Assert.hasText(role, "role cannot be empty");
			Assert.isTrue(!role.startsWith("ROLE_"), "give the role without ROLE_");
			return add(method, Access.AUTHORITY, "ROLE_" + role, paths);
		}

		/**
		 * Guard routes by an authority.
		 * @param authority the authority as the access token grants it, such as {@code ROLE_MYUSER_ADMIN}
		 * @param method the method
		 * @param paths the paths
		 * @return this builder
		 */
		public Builder hasAuthority(String authority, HttpMethod method, String... paths) {
			Assert.hasText(authority, "authority cannot be empty");
			return add(method, Access.AUTHORITY, authority, paths);
		}

		public MyUserRoutes build() {
			return new MyUserRoutes(this.feature, this.routes);
		}

		private Builder add(HttpMethod method, Access access, @Nullable String authority, String... paths) {
			Assert.notEmpty(paths, "paths cannot be empty");
			for (String path : paths) {
				this.routes.add(new Route(method, path, access, authority));
			}
			return this;
		}

	}

}
