package io.myuser.autoconfigure.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Profile properties.
 */
@ConfigurationProperties("myuser.profile")
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
