package io.myuser.support.web;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads ids from request paths: only the canonical 36-character form of a UUID is an id, so that garbage, short
 * forms and overlong input all answer like an unknown id.
 */
public final class PathIds {

	private PathIds() {
	}

	/**
	 * Parse an id from a path segment.
	 * @param text the segment
	 * @return the id, or empty when the text is not a UUID in canonical form
	 */
	public static Optional<UUID> parse(String text) {
		if (text == null || text.length() != 36) {
			return Optional.empty();
		}
		try {
			UUID id = UUID.fromString(text);
			return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
