package io.myuser.autoconfigure.openapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAPI document of MyUser's routes, a springdoc group, registered when the host has springdoc-openapi on
 * its classpath.
 */
@ConfigurationProperties("myuser.openapi")
@Validated
public class MyUserOpenApiProperties {

	/**
	 * Whether to publish MyUser's routes as a springdoc group (when springdoc-openapi is on the classpath).
	 */
	private boolean enabled = true;

	/**
	 * Name of the springdoc group: the document is served at /v3/api-docs/{group} (springdoc's api-docs path).
	 */
	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'")
	private String group = "myuser";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getGroup() {
		return this.group;
	}

	public void setGroup(String group) {
		this.group = group;
	}

}
