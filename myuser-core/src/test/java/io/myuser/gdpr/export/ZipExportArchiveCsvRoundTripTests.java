package io.myuser.gdpr.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

import io.myuser.personaldata.ExportArchive.CsvWriter;
import io.myuser.support.SeededRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Property-style tests for the CSV entries of {@link ZipExportArchive}: random rows of random Unicode text (quotes,
 * commas, line breaks and formula characters included), numbers, booleans, times and nulls are written, read back
 * with a strict RFC 4180 reader and compared with what was written, modulo the {@code '} that guards texts a
 * spreadsheet would run as formulas. The seed is printed; replay with {@code -Dmyuser.test.seed=<seed>}.
 */
class ZipExportArchiveCsvRoundTripTests {

	private static final String[] PIECES = { ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "=", "+", "-", "@", "\t",
			"'", ";", "a", "Z", "0", "\u00e9", "\u00df", "\u65e5\u672c", "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udcbb",
			"\u2028", "\u00a0", "\ufeff", "\u0301", "\\", "/", "=SUM(A1)", "@x", "-1" };

	@Test
	void csvWhenRandomRowsWrittenThenAnRfc4180ReaderReadsBackTheSameFields() throws IOException {
		SeededRandom random = SeededRandom.forTest("csvWhenRandomRowsWrittenThenAnRfc4180ReaderReadsBackTheSameFields");
		for (int archiveIndex = 0; archiveIndex < 200; archiveIndex++) {
			int columns = 1 + random.nextInt(6);
			List<String> header = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				header.add(c % 3 == 0 ? text(random) : "column_" + c);
			}
			List<Object[]> rows = new ArrayList<>();
			for (int r = random.nextInt(40); r > 0; r--) {
				Object[] row = new Object[columns];
				for (int c = 0; c < columns; c++) {
					row[c] = value(random);
				}
				rows.add(row);
			}

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ZipExportArchive archive = new ZipExportArchive(out, JsonMapper.builder().build(), Instant.EPOCH);
			try (CsvWriter csv = archive.csv("data.csv", header)) {
				for (Object[] row : rows) {
					csv.row(row);
				}
			}
			archive.finish();
			String text = new String(ZipExportArchiveTests.unzip(out.toByteArray()).get("data.csv"),
					StandardCharsets.UTF_8);

			String context = "archive " + archiveIndex + ", " + random + ", CSV:\n" + text;
			List<List<String>> records;
			try {
				records = Rfc4180.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw new AssertionError("not RFC 4180 (" + ex.getMessage() + "): " + context, ex);
			}
			assertThat(records).as(context).hasSize(rows.size() + 1);
			assertThat(records.get(0)).as(context).containsExactlyElementsOf(header.stream().map(this::expected).toList());
			for (int r = 0; r < rows.size(); r++) {
				List<String> expected = new ArrayList<>();
				for (Object value : rows.get(r)) {
					expected.add(expected(value));
				}
				assertThat(records.get(r + 1)).as("row %d of %s", r, context).containsExactlyElementsOf(expected);
				for (int c = 0; c < columns; c++) {
					assertThat(unguarded(records.get(r + 1).get(c), rows.get(r)[c])).as("row %d column %d of %s", r, c,
							context).isEqualTo((rows.get(r)[c] != null) ? String.valueOf(rows.get(r)[c]) : "");
				}
			}
		}
	}

	@Test
	void parseWhenNotRfc4180ThenRefused() {
		// The reader is strict, so that the round trip above proves the writer's quoting.
		for (String text : List.of("a\"b\r\n", "\"a\"b\r\n", "\"open\r\n", "a\nb\r\n", "a\rb\r\n", "a,b")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Rfc4180.parse(text));
		}
		assertThat(Rfc4180.parse("a,\"b,\"\"c\"\"\r\nd\",\r\n\r\n")).containsExactly(List.of("a", "b,\"c\"\r\nd", ""),
				List.of(""));
	}

	/** What the writer must put in a field for a value: its text, with {@code '} before a formula-like text. */
	private String expected(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		boolean plain = value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor;
		return (!plain && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	/** A field read back, without the formula guard the writer added for this value. */
	private static String unguarded(String field, @Nullable Object value) {
		boolean text = value instanceof String;
		return (text && field.startsWith("'") && !((String) value).startsWith("'")) ? field.substring(1) : field;
	}

	private static @Nullable Object value(SeededRandom random) {
		return switch (random.nextInt(10)) {
			case 0 -> null;
			case 1 -> random.nextInt() - (long) Integer.MAX_VALUE;
			case 2 -> -random.nextDouble() * 1e6;
			case 3 -> random.nextBoolean();
			case 4 -> Instant.ofEpochSecond(random.nextInt(2_000_000_000));
			default -> text(random);
		};
	}

	private static String text(SeededRandom random) {
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(12); n > 0; n--) {
			if (random.nextInt(4) == 0) {
				// Any code point outside the surrogate range (controls and non-characters included).
				int codePoint;
				do {
					codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
				}
				while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
				text.appendCodePoint(codePoint);
			}
			else {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
		}
		return text.toString();
	}

	/**
	 * A strict RFC 4180 reader: records end with CRLF (the last one too), fields are separated by commas, a field
	 * with a comma, quote, CR or LF must be quoted, and a quote inside a quoted field is doubled.
	 */
	static final class Rfc4180 {

		private Rfc4180() {
		}

		static List<List<String>> parse(String text) {
			List<List<String>> records = new ArrayList<>();
			List<String> record = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			int i = 0;
			while (i < text.length()) {
				if (text.charAt(i) == '"') {
					i++;
					while (true) {
						if (i >= text.length()) {
							throw new IllegalArgumentException("unterminated quoted field");
						}
						char c = text.charAt(i++);
						if (c == '"') {
							if (i < text.length() && text.charAt(i) == '"') {
								field.append('"');
								i++;
							}
							else {
								break;
							}
						}
						else {
							field.append(c);
						}
					}
				}
				else {
					while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
						char c = text.charAt(i++);
						if (c == '"' || c == '\n') {
							throw new IllegalArgumentException("unquoted field holds " + (int) c + " at " + (i - 1));
						}
						field.append(c);
					}
				}
				if (i >= text.length()) {
					throw new IllegalArgumentException("the last record does not end with CRLF");
				}
				char separator = text.charAt(i);
				if (separator == ',') {
					record.add(field.toString());
					field.setLength(0);
					i++;
				}
				else if (separator == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					record.add(field.toString());
					field.setLength(0);
					records.add(record);
					record = new ArrayList<>();
					i += 2;
				}
				else {
					throw new IllegalArgumentException("unexpected " + (int) separator + " after a field at " + i);
				}
			}
			if (!record.isEmpty() || field.length() > 0) {
				throw new IllegalArgumentException("the last record does not end with CRLF");
			}
			return records;
		}

	}

}
