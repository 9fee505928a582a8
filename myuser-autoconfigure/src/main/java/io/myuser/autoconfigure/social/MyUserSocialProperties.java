package io.myuser.autoconfigure.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Social login properties.
 */
@ConfigurationProperties("myuser.social")
@Validated
public class MyUserSocialProperties {

	/**
	 * Whether social login and connected-account management are enabled.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
