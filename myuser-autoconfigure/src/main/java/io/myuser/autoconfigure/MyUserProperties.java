package io.myuser.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Properties shared by every MyUser feature. Their rules are checked when they are bound, so that a bad value fails
 * startup with Spring Boot's binding report naming the property and the rule.
 */
@ConfigurationProperties("myuser")
@Validated
public class MyUserProperties {

	/**
	 * Whether MyUser is enabled. When false, MyUser contributes no beans at all.
	 */
	private boolean enabled = true;

	@Valid
	private final Web web = new Web();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Web getWeb() {
		return this.web;
	}

	/**
	 * HTTP settings of MyUser's endpoints.
	 */
	public static class Web {

		/**
		 * Path under which every MyUser endpoint is mapped and which the MyUser security filter chain covers.
		 */
		@Pattern(regexp = "(/[A-Za-z0-9._~-]+)+", message = "must be a path such as /api/auth: it starts with '/', "
				+ "does not end with '/', and its segments hold only letters, digits and . _ ~ -")
		private String basePath = "/api/auth";

		/**
		 * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header is trusted for the client IP.
		 * Empty means the client IP is always the connection's address.
		 */
		private List<@TrustedProxy String> trustedProxies = new ArrayList<>();

		/**
		 * Largest request body accepted by MyUser endpoints; larger bodies are refused with 413.
		 */
		@PositiveDataSize
		private DataSize maxRequestBodySize = DataSize.ofKilobytes(64);

		@Valid
		private final Cors cors = new Cors();

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public List<String> getTrustedProxies() {
			return this.trustedProxies;
		}

		public void setTrustedProxies(List<String> trustedProxies) {
			this.trustedProxies = trustedProxies;
		}

		public DataSize getMaxRequestBodySize() {
			return this.maxRequestBodySize;
		}

		public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
			this.maxRequestBodySize = maxRequestBodySize;
		}

		public Cors getCors() {
			return this.cors;
		}

		/**
		 * Cross-origin resource sharing (CORS) on MyUser's endpoints, for browser apps served from another origin.
		 * Off while no origin is allowed. A host {@code CorsConfigurationSource} bean is used instead when present.
		 */
		@ValidCors
		public static class Cors {

			/**
			 * Origins allowed to call MyUser's endpoints from a browser, each exactly as the browser sends it
			 * (scheme, host and port, such as https://app.example.com). '*' allows every origin, but never
			 * together with allow-credentials. Empty, with no origin patterns either, means no CORS.
			 */
			private List<String> allowedOrigins = new ArrayList<>();

			/**
			 * Origin patterns allowed to call MyUser's endpoints from a browser, where '*' matches any part of
			 * the host and a port list may close the pattern, such as https://*.example.com or
			 * http://localhost:[*].
			 */
			private List<String> allowedOriginPatterns = new ArrayList<>();

			/**
			 * HTTP methods allowed in cross-origin requests. '*' allows every method.
			 */
			private List<String> allowedMethods = new ArrayList<>(
					List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));

			/**
			 * Request headers a cross-origin request may send. '*' allows every header.
			 */
			private List<String> allowedHeaders = new ArrayList<>(
					List.of("Authorization", "Content-Type", "Accept", "Accept-Language"));

			/**
			 * Response headers, beyond the CORS-safelisted ones, that the browser lets the calling page read.
			 */
			private List<String> exposedHeaders = new ArrayList<>(
					List.of("Location", "Retry-After", "WWW-Authenticate", "Content-Disposition"));

			/**
			 * Whether the browser sends cookies and HTTP authentication along with cross-origin requests and lets
			 * the page read the answers. MyUser's tokens travel in the Authorization header, which needs no
			 * credentials. Never allowed with a wildcard origin.
			 */
			private boolean allowCredentials = false;

			/**
			 * How long a browser may cache the answer to a preflight request.
			 */
			private Duration maxAge = Duration.ofMinutes(30);

			/**
			 * Whether any origin is allowed, so that MyUser answers CORS requests at all.
			 * @return whether origins or origin patterns are set
			 */
			public boolean hasOrigins() {
				return !this.allowedOrigins.isEmpty() || !this.allowedOriginPatterns.isEmpty();
			}

			public List<String> getAllowedOrigins() {
				return this.allowedOrigins;
			}

			public void setAllowedOrigins(List<String> allowedOrigins) {
				this.allowedOrigins = allowedOrigins;
			}

			public List<String> getAllowedOriginPatterns() {
				return this.allowedOriginPatterns;
			}

			public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
				this.allowedOriginPatterns = allowedOriginPatterns;
			}

			public List<String> getAllowedMethods() {
				return this.allowedMethods;
			}

			public void setAllowedMethods(List<String> allowedMethods) {
				this.allowedMethods = allowedMethods;
			}

			public List<String> getAllowedHeaders() {
				return this.allowedHeaders;
			}

			public void setAllowedHeaders(List<String> allowedHeaders) {
				this.allowedHeaders = allowedHeaders;
			}

			public List<String> getExposedHeaders() {
				return this.exposedHeaders;
			}

			public void setExposedHeaders(List<String> exposedHeaders) {
				this.exposedHeaders = exposedHeaders;
			}

			public boolean isAllowCredentials() {
				return this.allowCredentials;
			}

			public void setAllowCredentials(boolean allowCredentials) {
				this.allowCredentials = allowCredentials;
			}

			public Duration getMaxAge() {
				return this.maxAge;
			}

			public void setMaxAge(Duration maxAge) {
				this.maxAge = maxAge;
			}

		}

	}

}
