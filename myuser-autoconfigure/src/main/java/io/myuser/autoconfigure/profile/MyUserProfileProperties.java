package io.myuser.autoconfigure.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Profile properties.
 */
@ConfigurationProperties("myuser.profile")
@Validated
public class MyUserProfileProperties {

	/**
	 * Whether the profile feature (profile endpoint and marketing consent) is enabled.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
