package io.myuser.gdpr.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.myuser.personaldata.ExportArchive.CsvWriter;
import io.myuser.personaldata.ExportArchive.JsonLinesWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ZipExportArchive}. Archives are read back with {@link ZipInputStream} only.
 */
class ZipExportArchiveTests {

	private static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:10Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordingOutputStream out = new RecordingOutputStream();

	private final ZipExportArchive archive = new ZipExportArchive(this.out, JSON, MODIFIED);

	// ---------------------------------------------------------------- entries

	@Test
	void finishWhenEntriesWrittenThenZipHoldsThemInOrderWithTheirContent() throws IOException {
		this.archive.json("user_info.json", Map.of("email", "ada@example.com"));
		try (OutputStream picture = this.archive.file("files/picture.bin")) {
			picture.write(new byte[] { 1, 2, 3 });
			picture.write(4);
		}
		this.archive.file("notes/readme.txt", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
		this.archive.finish();

		Map<String, byte[]> entries = unzip(this.out.toByteArray());
		assertThat(entries).containsOnlyKeys("user_info.json", "files/picture.bin", "notes/readme.txt");
		assertThat(entries.keySet()).containsExactly("user_info.json", "files/picture.bin", "notes/readme.txt");
		assertThat(JSON.readTree(entries.get("user_info.json")).get("email").asString()).isEqualTo("ada@example.com");
		assertThat(entries.get("files/picture.bin")).containsExactly(1, 2, 3, 4);
		assertThat(new String(entries.get("notes/readme.txt"), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(this.archive.entryNames()).containsExactly("user_info.json", "files/picture.bin", "notes/readme.txt");
	}

	@Test
	void finishWhenEntriesWrittenThenEveryEntryCarriesTheModifiedTime() throws IOException {
		this.archive.json("a.json", List.of(1, 2));
		this.archive.file("b.bin", new ByteArrayInputStream(new byte[10]));
		this.archive.finish();

		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(this.out.toByteArray()))) {
			int count = 0;
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertThat(Instant.ofEpochMilli(entry.getTime())).as(entry.getName()).isEqualTo(MODIFIED);
				count++;
			}
			assertThat(count).isEqualTo(2);
		}
	}

	@Test
	void fileWhenEntryClosedThenItsBytesAreStreamedBeforeFinish() throws IOException {
		// Random bytes do not compress: an archive that held its entries in memory would have written nothing yet.
		byte[] content = new byte[512 * 1024];
		new Random(42).nextBytes(content);
		try (OutputStream entry = this.archive.file("big.bin")) {
			for (int at = 0; at < content.length; at += 8192) {
				entry.write(content, at, 8192);
			}
			assertThat(this.out.size()).as("bytes written while the entry is still open")
				.isGreaterThan(content.length / 2);
		}
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray()).get("big.bin")).isEqualTo(content);
	}

	@Test
	void fileWhenCopiedFromAStreamThenTheStreamIsReadToTheEndAndLeftOpen() throws IOException {
		RecordingInputStream content = new RecordingInputStream(new byte[100_000]);
		this.archive.file("zeros.bin", content);
		this.archive.finish();
		assertThat(content.available()).isZero();
		assertThat(content.closed).isFalse();
		assertThat(unzip(this.out.toByteArray()).get("zeros.bin")).hasSize(100_000);
	}

	@Test
	void fileWhenWritingToAClosedEntryThenIOException() throws IOException {
		OutputStream entry = this.archive.file("a.bin");
		entry.write(1);
		entry.close();
		entry.close();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> entry.write(2));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> entry.write(new byte[] { 3, 4 }, 0, 2));
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray()).get("a.bin")).containsExactly(1);
	}

	@Test
	void entryNamesWhenArchiveGrowsThenReturnsASnapshot() throws IOException {
		this.archive.json("a.json", Map.of());
		List<String> before = this.archive.entryNames();
		this.archive.json("b.json", Map.of());
		assertThat(before).containsExactly("a.json");
		assertThat(this.archive.entryNames()).containsExactly("a.json", "b.json");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> before.add("c.json"));
	}

	// ---------------------------------------------------------------- JSON and JSON Lines

	@Test
	void jsonWhenValueIsARecordThenEntryIsThatJsonDocument() throws IOException {
		this.archive.json("profile.json", new Sample("Zo\u00eb \ud83d\ude00", 3, true, null));
		this.archive.finish();
		JsonNode json = JSON.readTree(unzip(this.out.toByteArray()).get("profile.json"));
		assertThat(json.get("name").asString()).isEqualTo("Zo\u00eb \ud83d\ude00");
		assertThat(json.get("count").asInt()).isEqualTo(3);
		assertThat(json.get("active").asBoolean()).isTrue();
		assertThat(json.get("note").isNull()).isTrue();
	}

	@Test
	void jsonLinesWhenValuesWrittenThenOneCompactValuePerLine() throws IOException {
		List<Object> values = List.of(Map.of("event", "LOGIN", "details", Map.of("ip", "10.0.0.1", "tags", List.of(1, 2))),
				new Sample("line\nbreak \"quoted\"\r\n", 2, false, "tab\there"), List.of(), "just a string", 42);
		try (JsonLinesWriter lines = this.archive.jsonLines("audit_logs.jsonl")) {
			for (Object value : values) {
				lines.write(value);
			}
		}
		this.archive.finish();
		assertJsonLines(new String(unzip(this.out.toByteArray()).get("audit_logs.jsonl"), StandardCharsets.UTF_8),
				values);
	}

	@Test
	void jsonLinesWhenTheMapperIndentsOutputThenStillOneValuePerLine() throws IOException {
		// A host's JsonMapper may have spring.jackson.serialization.indent-output=true.
		JsonMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		ZipExportArchive archive = new ZipExportArchive(this.out, indenting, MODIFIED);
		List<Object> values = List.of(Map.of("a", 1, "b", Map.of("c", List.of(1, 2))), new Sample("x", 1, true, null));
		try (JsonLinesWriter lines = archive.jsonLines("events.jsonl")) {
			for (Object value : values) {
				lines.write(value);
			}
		}
		archive.json("pretty.json", Map.of("a", 1));
		archive.finish();
		Map<String, byte[]> entries = unzip(this.out.toByteArray());
		assertJsonLines(new String(entries.get("events.jsonl"), StandardCharsets.UTF_8), values);
		assertThat(JSON.readTree(entries.get("pretty.json")).get("a").asInt()).isEqualTo(1);
	}

	@Test
	void jsonLinesWhenNothingWrittenThenEmptyEntry() throws IOException {
		this.archive.jsonLines("empty.jsonl").close();
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray()).get("empty.jsonl")).isEmpty();
	}

	private static void assertJsonLines(String text, List<Object> values) {
		assertThat(text).endsWith("\n");
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		assertThat(lines).hasSameSizeAs(values);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			assertThat(line).as("line %d", i).doesNotStartWith(" ").doesNotStartWith("\t").doesNotContain("\r");
			assertThat(JSON.readTree(line)).as("line %d", i).isEqualTo(JSON.valueToTree(values.get(i)));
		}
	}

	// ---------------------------------------------------------------- CSV

	@Test
	void csvWhenRowsWrittenThenHeaderFirstAndCrlfAfterEveryRow() throws IOException {
		try (CsvWriter csv = this.archive.csv("sessions.csv", List.of("id", "ip_address", "current"))) {
			csv.row("s1", "10.0.0.1", true);
			csv.row("s2", null, false);
		}
		this.archive.finish();
		assertThat(csvText("sessions.csv")).isEqualTo("id,ip_address,current\r\ns1,10.0.0.1,true\r\ns2,,false\r\n");
	}

	@Test
	void csvWhenTextHoldsCommasQuotesOrLineBreaksThenFieldIsQuotedPerRfc4180() throws IOException {
		try (CsvWriter csv = this.archive.csv("quoting.csv", List.of("value"))) {
			csv.row("a,b");
			csv.row("say \"hi\"");
			csv.row("two\nlines");
			csv.row("carriage\rreturn");
			csv.row("crlf\r\nend");
			csv.row("\"");
			csv.row("plain text with spaces ");
			csv.row("");
		}
		this.archive.finish();
		assertThat(csvText("quoting.csv")).isEqualTo("value\r\n" + "\"a,b\"\r\n" + "\"say \"\"hi\"\"\"\r\n"
				+ "\"two\nlines\"\r\n" + "\"carriage\rreturn\"\r\n" + "\"crlf\r\nend\"\r\n" + "\"\"\"\"\r\n"
				+ "plain text with spaces \r\n" + "\r\n");
	}

	@Test
	void csvWhenTextStartsLikeAFormulaThenPrefixedWithApostrophe() throws IOException {
		try (CsvWriter csv = this.archive.csv("formulas.csv", List.of("value"))) {
			csv.row("=SUM(A1:A9)");
			csv.row("+1");
			csv.row("-2");
			csv.row("@cmd");
			csv.row("=HYPERLINK(\"http://x\",\"y\")");
			csv.row("a=b");
			csv.row("1+1");
		}
		this.archive.finish();
		assertThat(csvText("formulas.csv")).isEqualTo("value\r\n" + "'=SUM(A1:A9)\r\n" + "'+1\r\n" + "'-2\r\n"
				+ "'@cmd\r\n" + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" + "a=b\r\n" + "1+1\r\n");
	}

	@Test
	void csvWhenValueIsANumberBooleanOrTimeThenNotPrefixed() throws IOException {
		try (CsvWriter csv = this.archive.csv("typed.csv", List.of("int", "long", "double", "bool", "instant",
				"date", "offset"))) {
			csv.row(-5, -7_000_000_000L, -1.5, Boolean.FALSE, Instant.parse("2024-01-02T03:04:05Z"),
					LocalDate.of(-44, 3, 15), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)));
		}
		this.archive.finish();
		assertThat(csvText("typed.csv")).isEqualTo("int,long,double,bool,instant,date,offset\r\n"
				+ "-5,-7000000000,-1.5,false,2024-01-02T03:04:05Z,-0044-03-15,2024-01-02T03:04:05-05:00\r\n");
	}

	@Test
	void csvWhenRowHasTheWrongNumberOfValuesThenIllegalArgumentExceptionAndNothingWritten() throws IOException {
		try (CsvWriter csv = this.archive.csv("rows.csv", List.of("a", "b"))) {
			assertThatIllegalArgumentException().isThrownBy(() -> csv.row("only one")).withMessageContaining("2");
			assertThatIllegalArgumentException().isThrownBy(() -> csv.row("1", "2", "3"));
			assertThatIllegalArgumentException().isThrownBy(() -> csv.row());
			csv.row("1", "2");
		}
		this.archive.finish();
		assertThat(csvText("rows.csv")).isEqualTo("a,b\r\n1,2\r\n");
	}

	@Test
	void csvWhenHeaderIsEmptyThenIllegalArgumentException() throws IOException {
		assertThatIllegalArgumentException().isThrownBy(() -> this.archive.csv("empty.csv", List.of()));
		// Nothing was started: the next entry may take the name.
		this.archive.csv("empty.csv", List.of("x")).close();
		this.archive.finish();
		assertThat(csvText("empty.csv")).isEqualTo("x\r\n");
	}

	private String csvText(String name) {
		return new String(unzip(this.out.toByteArray()).get(name), StandardCharsets.UTF_8);
	}

	// ---------------------------------------------------------------- names

	@Test
	void entryWhenNameIsNotARelativePathOfSafeCharactersThenIllegalArgumentException() throws IOException {
		List<String> invalid = List.of("", "/absolute.json", "/", "..", ".", "../up.json", "a/../b.json", "a/./b.json",
				"a/..", "a\\b.json", "..\\up.json", "C:\\x.json", "C:/x.json", "a//b.json", "a/", ".hidden", "a/.hidden",
				"with space.json", "tab\t.json", "new\nline.json", "nul\u0000.json", "caf\u00e9.json", "x".repeat(256),
				"a:b.json", "*.json", "%2e%2e/x");
		for (String name : invalid) {
			assertThatIllegalArgumentException().as("'%s'", name).isThrownBy(() -> this.archive.json(name, Map.of()));
			assertThatIllegalArgumentException().as("'%s'", name).isThrownBy(() -> this.archive.jsonLines(name));
			assertThatIllegalArgumentException().as("'%s'", name)
				.isThrownBy(() -> this.archive.csv(name, List.of("a")));
			assertThatIllegalArgumentException().as("'%s'", name).isThrownBy(() -> this.archive.file(name));
			assertThatIllegalArgumentException().as("'%s'", name)
				.isThrownBy(() -> this.archive.file(name, new ByteArrayInputStream(new byte[1])));
		}
		// None of them started an entry.
		this.archive.json("ok.json", Map.of());
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray())).containsOnlyKeys("ok.json");
	}

	@Test
	void entryWhenNameIsARelativePathOfSafeCharactersThenAccepted() throws IOException {
		List<String> valid = List.of("a", "A-Z_0.9", "orders.json", "dir/sub-dir/file.tar.gz", "_x/-y/z..json",
				"x".repeat(255), "v1.0/data");
		for (String name : valid) {
			this.archive.file(name).close();
		}
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray()).keySet()).containsExactlyElementsOf(valid);
	}

	@Test
	void entryWhenNameWasAlreadyWrittenInAnyCaseThenIllegalArgumentException() throws IOException {
		this.archive.json("orders/Data.json", Map.of());
		for (String name : List.of("orders/Data.json", "orders/data.json", "ORDERS/DATA.JSON", "Orders/data.JSON")) {
			assertThatIllegalArgumentException().as(name).isThrownBy(() -> this.archive.json(name, Map.of()));
			assertThatIllegalArgumentException().as(name).isThrownBy(() -> this.archive.file(name));
			assertThatIllegalArgumentException().as(name).isThrownBy(() -> this.archive.csv(name, List.of("a")));
			assertThatIllegalArgumentException().as(name).isThrownBy(() -> this.archive.jsonLines(name));
		}
		this.archive.json("orders/Data.json.bak", Map.of());
		this.archive.finish();
		assertThat(this.archive.entryNames()).containsExactly("orders/Data.json", "orders/Data.json.bak");
		assertThat(unzip(this.out.toByteArray())).containsOnlyKeys("orders/Data.json", "orders/Data.json.bak");
	}

	// ---------------------------------------------------------------- one entry at a time, finish

	@Test
	void entryWhenAnotherEntryIsOpenThenIllegalStateException() throws IOException {
		OutputStream open = this.archive.file("first.bin");
		assertThatIllegalStateException().isThrownBy(() -> this.archive.file("second.bin"));
		assertThatIllegalStateException().isThrownBy(() -> this.archive.json("second.bin", Map.of()));
		assertThatIllegalStateException().isThrownBy(() -> this.archive.jsonLines("second.bin"));
		assertThatIllegalStateException().isThrownBy(() -> this.archive.csv("second.bin", List.of("a")));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.archive.file("second.bin", new ByteArrayInputStream(new byte[1])));
		open.write(7);
		open.close();
		// The refused attempts did not take the name.
		this.archive.file("second.bin", new ByteArrayInputStream(new byte[] { 8 }));
		this.archive.finish();
		Map<String, byte[]> entries = unzip(this.out.toByteArray());
		assertThat(entries.get("first.bin")).containsExactly(7);
		assertThat(entries.get("second.bin")).containsExactly(8);
	}

	@Test
	void entryWhenACsvOrJsonLinesWriterIsOpenThenIllegalStateException() throws IOException {
		CsvWriter csv = this.archive.csv("a.csv", List.of("x"));
		assertThatIllegalStateException().isThrownBy(() -> this.archive.json("b.json", Map.of()));
		csv.close();
		JsonLinesWriter lines = this.archive.jsonLines("b.jsonl");
		assertThatIllegalStateException().isThrownBy(() -> this.archive.csv("c.csv", List.of("x")));
		lines.close();
		this.archive.json("c.json", Map.of());
		this.archive.finish();
		assertThat(this.archive.entryNames()).containsExactly("a.csv", "b.jsonl", "c.json");
	}

	@Test
	void finishWhenAnEntryIsOpenThenIllegalStateException() throws IOException {
		JsonLinesWriter lines = this.archive.jsonLines("open.jsonl");
		lines.write(Map.of("a", 1));
		assertThatIllegalStateException().isThrownBy(this.archive::finish);
		lines.close();
		this.archive.finish();
		assertThat(unzip(this.out.toByteArray())).containsOnlyKeys("open.jsonl");
	}

	@Test
	void finishThenTheUnderlyingStreamStaysOpenAndUsable() throws IOException {
		this.archive.json("a.json", Map.of());
		this.archive.finish();
		assertThat(this.out.closed).isFalse();
		int size = this.out.size();
		assertThat(size).isPositive();
		this.out.write(new byte[] { 9, 9 });
		assertThat(this.out.size()).isEqualTo(size + 2);
	}

	@Test
	void entryWhenArchiveIsFinishedThenIllegalStateException() throws IOException {
		this.archive.json("a.json", Map.of());
		this.archive.finish();
		assertThatIllegalStateException().isThrownBy(() -> this.archive.json("b.json", Map.of()));
		assertThatIllegalStateException().isThrownBy(() -> this.archive.file("b.bin"));
		assertThatIllegalStateException().isThrownBy(this.archive::finish);
		assertThat(unzip(this.out.toByteArray())).containsOnlyKeys("a.json");
	}

	@Test
	void finishWhenNothingWrittenThenAValidEmptyZip() throws IOException {
		this.archive.finish();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(this.out.toByteArray()))) {
			assertThat(in.getNextEntry()).isNull();
		}
		assertThat(this.out.size()).isEqualTo(22);
	}

	// ---------------------------------------------------------------- helpers

	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertThat(entries.put(entry.getName(), in.readAllBytes())).as("entry %s twice", entry.getName()).isNull();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	record Sample(String name, int count, boolean active, @org.jspecify.annotations.Nullable String note) {
	}

	/** A byte sink that remembers whether it was closed. */
	static final class RecordingOutputStream extends ByteArrayOutputStream {

		boolean closed;

		@Override
		public void close() {
			this.closed = true;
		}

	}

	/** A byte source that remembers whether it was closed. */
	static final class RecordingInputStream extends InputStream {

		private final ByteArrayInputStream in;

		boolean closed;

		RecordingInputStream(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			return this.in.read(bytes, offset, length);
		}

		@Override
		public int available() {
			return this.in.available();
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
