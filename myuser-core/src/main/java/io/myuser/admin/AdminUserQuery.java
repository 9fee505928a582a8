package io.myuser.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myuser.account.User;
import io.myuser.support.InvalidInputException;
import io.myuser.support.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What {@code admin/users/} was asked: the start of an address and a page, checked.
 *
 * @param email the start of the address, stripped; empty for every account
 * @param page the page, from 1
 * @param size the page size
 */
public record AdminUserQuery(String email, int page, int size) {

	/** The highest page number answered: deeper pages are better reached by a longer prefix. */
	static final int MAX_PAGE = 10_000;

	/**
	 * Check the query parameters, answering every wrong one at once.
	 * @param email the {@code email} parameter
	 * @param page the {@code page} parameter
	 * @param size the {@code size} parameter
	 * @param settings the page sizes
	 * @return the query
	 * @throws InvalidInputException naming each wrong parameter
	 */
	public static AdminUserQuery parse(@Nullable String email, @Nullable String page, @Nullable String size,
			AdminSettings settings) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		String prefix = (email != null) ? email.strip() : "";
		if (prefix.length() > User.EMAIL_MAX_LENGTH) {
			errors.computeIfAbsent("email", (k) -> new ArrayList<>())
				.add("Ensure this field has no more than " + User.EMAIL_MAX_LENGTH + " characters.");
		}
		else if (!Texts.isClean(prefix)) {
			errors.computeIfAbsent("email", (k) -> new ArrayList<>())
				.add("Must not contain control characters or invalid Unicode.");
		}
		int pageNumber = number("page", page, 1, MAX_PAGE, 1, errors);
		int pageSize = number("size", size, 1, settings.maxPageSize(), settings.defaultPageSize(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new AdminUserQuery(prefix, pageNumber, pageSize);
	}

	private static int number(String name, @Nullable String value, int min, int max, int fallback,
			Map<String, List<String>> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String digits = value.strip();
		if (digits.length() <= 6 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			int number = Integer.parseInt(digits);
			if (number >= min && number <= max) {
				return number;
			}
		}
		errors.computeIfAbsent(name, (k) -> new ArrayList<>())
			.add("Must be a whole number from " + min + " to " + max + ".");
		return fallback;
	}

}
