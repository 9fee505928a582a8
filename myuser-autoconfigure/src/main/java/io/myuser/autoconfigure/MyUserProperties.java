package io.myuser.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Properties shared by every MyUser feature.
 */
@ConfigurationProperties("myuser")
public class MyUserProperties implements InitializingBean {

	/**
	 * Whether MyUser is enabled. When false, MyUser contributes no beans at all.
	 */
	private boolean enabled = true;

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

	@Override
	public void afterPropertiesSet() {
		this.web.validate();
	}

	/**
	 * HTTP settings of MyUser's endpoints.
	 */
	public static class Web {

		/**
		 * Path under which every MyUser endpoint is mapped and which the MyUser security filter chain covers.
		 */
		private String basePath = "/api/auth";

		/**
		 * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header is trusted for the client IP.
		 * Empty means the client IP is always the connection's address.
		 */
		private List<String> trustedProxies = new ArrayList<>();

		/**
		 * Largest request body accepted by MyUser endpoints; larger bodies are refused with 413.
		 */
		private DataSize maxRequestBodySize = DataSize.ofKilobytes(64);

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

		void validate() {
			Assert.hasText(this.basePath, "myuser.web.base-path must not be empty");
			Assert.isTrue(this.basePath.startsWith("/") && !this.basePath.endsWith("/"),
					"myuser.web.base-path must start with '/' and not end with '/'");
			Assert.isTrue(this.basePath.matches("^(/[A-Za-z0-9._~-]+)+$"),
					"myuser.web.base-path may only hold path segments of letters, digits and . _ ~ -");
			Assert.isTrue(this.maxRequestBodySize.toBytes() > 0, "myuser.web.max-request-body-size must be positive");
		}

	}

}
