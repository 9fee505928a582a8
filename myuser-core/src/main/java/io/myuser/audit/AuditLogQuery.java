package io.myuser.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.myuser.support.InvalidInputException;
import io.myuser.support.persistence.StoredTime;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a reader of the audit trail asks for: which event types, which time range ({@code from} inclusive,
 * {@code to} exclusive), how many rows a page holds, and where the page starts (a cursor from the previous page).
 *
 * @param eventTypes the types to include; all of them when the caller named none
 * @param from the earliest creation time included, if any
 * @param to the creation time from which rows are excluded, if any
 * @param size the number of rows per page
 * @param cursor where the page starts, or {@code null} for the newest rows
 */
public record AuditLogQuery(Set<AuditEventType> eventTypes, @Nullable Instant from, @Nullable Instant to, int size,
		@Nullable AuditCursor cursor) {

	/** The longest text a query parameter may have. */
	private static final int MAX_PARAMETER_LENGTH = 1000;

	public AuditLogQuery {
		Assert.notEmpty(eventTypes, "eventTypes cannot be empty");
		Assert.isTrue(size > 0, "size must be positive");
		eventTypes = Set.copyOf(eventTypes);
	}

	/**
	 * Read a query from the parameters of a request, naming every parameter that is wrong.
	 * @param eventType one type or several, comma separated (case does not matter), or {@code null} for all
	 * @param from an ISO-8601 instant, such as {@code 2026-01-31T00:00:00Z}, or {@code null}
	 * @param to an ISO-8601 instant, or {@code null}
	 * @param size a page size, or {@code null} for the default
	 * @param cursor the {@code next_cursor} of a previous page, or {@code null}
	 * @param page a {@code page} parameter, refused whenever given (the list is paged by cursor), or {@code null}
	 * @param paging the default and largest page size
	 * @return the query
	 * @throws InvalidInputException (400) naming each wrong parameter
	 */
	public static AuditLogQuery parse(@Nullable String eventType, @Nullable String from, @Nullable String to,
			@Nullable String size, @Nullable String cursor, @Nullable String page, Paging paging) {
		Assert.notNull(paging, "paging cannot be null");
		Map<String, List<String>> errors = new LinkedHashMap<>();
		if (page != null) {
			errors.put("page", List.of(
					"This list is paged by cursor: follow the answer's next link or pass its next_cursor as cursor."));
		}
		Set<AuditEventType> types = eventTypes(eventType, errors);
		Instant fromTime = instant("from", from, errors);
		Instant toTime = instant("to", to, errors);
		if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
			errors.computeIfAbsent("to", (k) -> new ArrayList<>()).add("Must be later than from.");
		}
		int pageSize = size(size, paging, errors);
		AuditCursor start = null;
		if (cursor != null) {
			start = AuditCursor.decode(cursor).orElse(null);
			if (start == null) {
				errors.computeIfAbsent("cursor", (k) -> new ArrayList<>())
					.add("Not a cursor of this API: use the next_cursor of a previous page.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new AuditLogQuery(types, fromTime, toTime, pageSize, start);
	}

	private static Set<AuditEventType> eventTypes(@Nullable String eventType, Map<String, List<String>> errors) {
		if (eventType == null || eventType.isBlank()) {
			return EnumSet.allOf(AuditEventType.class);
		}
		if (eventType.length() > MAX_PARAMETER_LENGTH) {
			errors.put("event_type", List.of("Too long."));
			return EnumSet.allOf(AuditEventType.class);
		}
		Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
		List<String> unknown = new ArrayList<>();
		for (String name : eventType.split(",", -1)) {
			AuditEventType type = typeNamed(name.strip());
			if (type != null) {
				types.add(type);
			}
			else {
				unknown.add(name.strip());
			}
		}
		if (!unknown.isEmpty()) {
			errors.put("event_type", List.of("Unknown event type. Known types: " + knownTypes() + "."));
			return EnumSet.allOf(AuditEventType.class);
		}
		return types;
	}

	private static @Nullable AuditEventType typeNamed(String name) {
		for (AuditEventType type : AuditEventType.values()) {
			if (type.name().equals(name.toUpperCase(Locale.ROOT))) {
				return type;
			}
		}
		return null;
	}

	private static String knownTypes() {
		StringBuilder names = new StringBuilder();
		for (AuditEventType type : AuditEventType.values()) {
			names.append((names.length() > 0) ? ", " : "").append(type.name());
		}
		return names.toString();
	}

	private static @Nullable Instant instant(String name, @Nullable String value, Map<String, List<String>> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() <= MAX_PARAMETER_LENGTH) {
			try {
				return StoredTime.of(Instant.parse(value.strip()));
			}
			catch (DateTimeParseException ex) {
				// Answered below.
			}
		}
		errors.put(name, List.of("Must be an ISO-8601 instant, such as 2026-01-31T00:00:00Z."));
		return null;
	}

	private static int size(@Nullable String size, Paging paging, Map<String, List<String>> errors) {
		if (size == null || size.isBlank()) {
			return paging.defaultSize();
		}
		String digits = size.strip();
		if (digits.length() <= 4 && !digits.isEmpty() && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			int value = Integer.parseInt(digits);
			if (value >= 1 && value <= paging.maxSize()) {
				return value;
			}
		}
		errors.put("size", List.of("Must be a whole number from 1 to " + paging.maxSize() + "."));
		return paging.defaultSize();
	}

	/**
	 * Page sizes.
	 *
	 * @param defaultSize the size of a page when the caller names none
	 * @param maxSize the largest size a caller may ask for
	 */
	public record Paging(int defaultSize, int maxSize) {

		public Paging {
			Assert.isTrue(defaultSize > 0, "defaultSize must be positive");
			Assert.isTrue(maxSize >= defaultSize, "maxSize must be at least defaultSize");
		}

	}

}
