package io.myuser.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A budget of {@code capacity} requests per {@code period}, written as the original wrote its limits:
 * {@code 10/min}, {@code 5/hour}, {@code 2/day}, or with a count of units, {@code 5/15m}. The whole budget comes
 * back at the end of each period, counted from the first request that spent it.
 *
 * @param capacity requests allowed in one period, at least 1
 * @param period the length of the window, at least a second
 */
public record RateLimit(long capacity, Duration period) {

	private static final Pattern SYNTAX = Pattern.compile("^\\s*(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*([a-zA-Z]+)\\s*$");

	private static final Map<String, Duration> UNITS = Map.ofEntries(Map.entry("s", Duration.ofSeconds(1)),
			Map.entry("sec", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
			Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
			Map.entry("minute", Duration.ofMinutes(1)), Map.entry("h", Duration.ofHours(1)),
			Map.entry("hour", Duration.ofHours(1)), Map.entry("d", Duration.ofDays(1)),
			Map.entry("day", Duration.ofDays(1)));

	/** The longest window: budgets are kept at most this long after they were spent. */
	public static final Duration MAX_PERIOD = Duration.ofDays(366);

	public RateLimit {
		Assert.isTrue(capacity >= 1, "capacity must be at least 1");
		Assert.notNull(period, "period cannot be null");
		Assert.isTrue(period.compareTo(Duration.ofSeconds(1)) >= 0, "period must be at least a second");
		Assert.isTrue(period.compareTo(MAX_PERIOD) <= 0, "period must be at most 366 days");
	}

	/**
	 * Reads a limit such as {@code 10/min}, {@code 5/15m}, {@code 100/hour} or {@code 2/day}. Units: {@code s},
	 * {@code sec}, {@code second}, {@code m}, {@code min}, {@code minute}, {@code h}, {@code hour}, {@code d},
	 * {@code day} (also in the plural).
	 * @param text the limit
	 * @return the limit
	 * @throws IllegalArgumentException if the text is not a limit, or its count or window is zero
	 */
	public static RateLimit parse(String text) {
		Assert.notNull(text, "text cannot be null");
		Matcher matcher = SYNTAX.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a rate limit: write it as count/window, such as "
					+ "10/min, 5/15m, 5/hour or 2/day");
		}
		long capacity = Long.parseLong(matcher.group(1));
		long count = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
		String unitName = matcher.group(3).toLowerCase(Locale.ROOT);
		Duration unit = UNITS.get(unitName);
		if (unit == null && unitName.length() > 2 && unitName.endsWith("s")) {
			// The plural of a word, never of a one-letter unit: "ms" is no unit here.
			unit = UNITS.get(unitName.substring(0, unitName.length() - 1));
		}
		if (unit == null) {
			throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + matcher.group(3)
					+ "': use s, min, hour or day (or m, h, d)");
		}
		if (capacity < 1) {
			throw new IllegalArgumentException("'" + text + "' allows no request at all: the count must be at least 1");
		}
		if (count < 1) {
			throw new IllegalArgumentException("'" + text + "' has an empty window: the window must be at least 1"
					+ matcher.group(3));
		}
		Duration period = unit.multipliedBy(count);
		if (period.compareTo(MAX_PERIOD) > 0) {
			throw new IllegalArgumentException("'" + text + "' has a window longer than 366 days");
		}
		return new RateLimit(capacity, period);
	}

	/**
	 * The limit in the form {@link #parse(String)} reads, with the largest whole unit: {@code 5/15m}.
	 */
	@Override
	public String toString() {
		long seconds = this.period.toSeconds();
		if (seconds % 86_400 == 0) {
			return this.capacity + "/" + count(seconds / 86_400) + "day";
		}
		if (seconds % 3_600 == 0) {
			return this.capacity + "/" + count(seconds / 3_600) + "hour";
		}
		if (seconds % 60 == 0) {
			return this.capacity + "/" + count(seconds / 60) + "min";
		}
		return this.capacity + "/" + count(seconds) + "s";
	}

	private static String count(long units) {
		return (units == 1) ? "" : Long.toString(units);
	}

}
