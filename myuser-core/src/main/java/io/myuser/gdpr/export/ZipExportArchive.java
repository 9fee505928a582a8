package io.myuser.gdpr.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.myuser.personaldata.ExportArchive;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * An {@link ExportArchive} that streams its entries into a ZIP file.
 */
public final class ZipExportArchive implements ExportArchive {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

	private static final int MAX_NAME_LENGTH = 255;

	private final ZipOutputStream zip;

	private final ObjectWriter prettyWriter;

	private final ObjectWriter lineWriter;

	private final List<String> names = new ArrayList<>();

	private final Set<String> taken = new HashSet<>();

	private final long modifiedTime;

	private @Nullable AutoCloseable openEntry;

	private boolean finished;

	/**
	 * Create an archive writing to a stream.
	 * @param out where the ZIP goes; not closed by {@link #finish()}
	 * @param jsonMapper how values become JSON
	 * @param modifiedTime the modification time recorded for every entry
	 */
	public ZipExportArchive(OutputStream out, JsonMapper jsonMapper, Instant modifiedTime) {
		Assert.notNull(out, "out cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(modifiedTime, "modifiedTime cannot be null");
		this.zip = new ZipOutputStream(new FilterOutputStream(out) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		}, StandardCharsets.UTF_8);
		this.prettyWriter = jsonMapper.writerWithDefaultPrettyPrinter();
		// One value per line whatever the mapper's settings (a host may indent its output).
		this.lineWriter = jsonMapper.writer().without(SerializationFeature.INDENT_OUTPUT);
		this.modifiedTime = modifiedTime.toEpochMilli();
	}

	@Override
	public void json(String name, Object value) throws IOException {
		Assert.notNull(value, "value cannot be null");
		OutputStream entry = file(name);
		try {
			this.prettyWriter.writeValue(entry, value);
		}
		finally {
			entry.close();
		}
	}

	@Override
	public JsonLinesWriter jsonLines(String name) throws IOException {
		OutputStream entry = file(name);
		OutputStream buffered = new java.io.BufferedOutputStream(entry, 16 * 1024);
		return new JsonLinesWriter() {

			@Override
			public void write(Object value) throws IOException {
				Assert.notNull(value, "value cannot be null");
				buffered.write(ZipExportArchive.this.lineWriter.writeValueAsBytes(value));
				buffered.write('\n');
			}

			@Override
			public void close() throws IOException {
				buffered.flush();
				entry.close();
			}

		};
	}

	@Override
	public CsvWriter csv(String name, List<String> header) throws IOException {
		Assert.notEmpty(header, "header cannot be empty");
		OutputStream entry = file(name);
		Writer text = new java.io.BufferedWriter(new java.io.OutputStreamWriter(entry, StandardCharsets.UTF_8),
				16 * 1024);
		CsvWriter writer = new CsvWriter() {

			private final int columns = header.size();

			@Override
			public void row(Object... values) throws IOException {
				Assert.isTrue(values.length == this.columns,
						() -> "expected " + this.columns + " values, got " + values.length);
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						text.write(',');
					}
					text.write(field(values[i]));
				}
				text.write("\r\n");
			}

			@Override
			public void close() throws IOException {
				text.flush();
				entry.close();
			}

		};
		writer.row(header.toArray());
		return writer;
	}

	@Override
	public OutputStream file(String name) throws IOException {
		startEntry(name);
		OutputStream entry = new FilterOutputStream(this.zip) {

			private boolean closed;

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				ensureOpen();
				this.out.write(bytes, offset, length);
			}

			@Override
			public void write(int b) throws IOException {
				ensureOpen();
				this.out.write(b);
			}

			@Override
			public void flush() {
				// entries are flushed when they end
			}

			@Override
			public void close() throws IOException {
				if (!this.closed) {
					this.closed = true;
					ZipExportArchive.this.zip.closeEntry();
					ZipExportArchive.this.openEntry = null;
				}
			}

			private void ensureOpen() throws IOException {
				if (this.closed) {
					throw new IOException("entry " + name + " is closed");
				}
			}

		};
		this.openEntry = entry;
		return entry;
	}

	@Override
	public void file(String name, InputStream content) throws IOException {
		Assert.notNull(content, "content cannot be null");
		try (OutputStream entry = file(name)) {
			content.transferTo(entry);
		}
	}

	@Override
	public List<String> entryNames() {
		return List.copyOf(this.names);
	}

	/**
	 * Write the ZIP's central directory. The archive takes no entries afterwards; the underlying stream stays
	 * open.
	 * @throws IOException when the archive cannot be written
	 */
	public void finish() throws IOException {
		Assert.state(this.openEntry == null, "an entry is still open");
		Assert.state(!this.finished, "the archive is finished");
		this.finished = true;
		this.zip.finish();
		this.zip.flush();
	}

	private void startEntry(String name) throws IOException {
		Assert.state(!this.finished, "the archive is finished");
		Assert.state(this.openEntry == null, "close the open entry before starting another");
		Assert.isTrue(name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches()
				&& !name.contains("/../") && !name.contains("/./"), () -> "invalid entry name '" + name + "'");
		Assert.isTrue(this.taken.add(name.toLowerCase(java.util.Locale.ROOT)),
				() -> "entry '" + name + "' was already written");
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(this.modifiedTime);
		this.zip.putNextEntry(entry);
		this.names.add(name);
	}

	private static String field(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		boolean plain = value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor;
		if (!plain && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
