package io.myuser.support.web;

import org.springframework.util.Assert;

/**
 * An answer that is only a message for the caller, {@code {"detail": "..."}}: what dj-rest-auth's clients read.
 *
 * @param detail the message
 */
public record Detail(String detail) {

	public Detail {
		Assert.hasText(detail, "detail cannot be empty");
	}

}
