package io.myuser.personaldata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The archive a {@link UserDataExporter} writes a user's data into. Entries are streamed into the archive one
 * after the other as they are written, so an exporter never needs to hold a user's data in memory: read it page
 * by page and write each page as it comes.
 * <p>
 * Only one entry is open at a time: close a {@link JsonLinesWriter}, {@link CsvWriter} or raw stream before
 * starting the next entry. Entry names are relative paths of letters, digits, {@code - _ .} and {@code /}, unique
 * within the archive.
 */
public interface ExportArchive {

	/**
	 * Add a JSON document (an object, a list, a record...), written at once.
	 * @param name the entry name, such as {@code orders.json}
	 * @param value what to write, serializable to JSON
	 * @throws IOException when the archive cannot be written
	 */
	void json(String name, Object value) throws IOException;

	/**
	 * Start a JSON Lines entry: one JSON value per line, written as it comes.
	 * @param name the entry name, such as {@code events.jsonl}
	 * @return the writer; close it to end the entry
	 * @throws IOException when the archive cannot be written
	 */
	JsonLinesWriter jsonLines(String name) throws IOException;

	/**
	 * Start a CSV entry (RFC 4180, UTF-8, a header row first), written row by row.
	 * @param name the entry name, such as {@code orders.csv}
	 * @param header the column names
	 * @return the writer; close it to end the entry
	 * @throws IOException when the archive cannot be written
	 */
	CsvWriter csv(String name, List<String> header) throws IOException;

	/**
	 * Start an entry of raw bytes, such as an uploaded picture.
	 * @param name the entry name
	 * @return the stream; close it to end the entry (the archive stays open)
	 * @throws IOException when the archive cannot be written
	 */
	OutputStream file(String name) throws IOException;

	/**
	 * Add an entry with the bytes of a stream, copied in chunks. The stream is read to its end, not closed.
	 * @param name the entry name
	 * @param content the bytes
	 * @throws IOException when the content cannot be read or the archive written
	 */
	void file(String name, InputStream content) throws IOException;

	/**
	 * Return the names of the entries written so far.
	 * @return the names, in order
	 */
	List<String> entryNames();

	/**
	 * Writes one JSON value per line.
	 */
	interface JsonLinesWriter extends AutoCloseable {

		/**
		 * Write one value as a line.
		 * @param value the value, serializable to JSON
		 * @throws IOException when the archive cannot be written
		 */
		void write(Object value) throws IOException;

		@Override
		void close() throws IOException;

	}

	/**
	 * Writes CSV rows. Values are written with {@code String.valueOf}; {@code null} becomes an empty field, and a
	 * text that a spreadsheet would run as a formula (starting with {@code = + - @}) is prefixed with {@code '}.
	 */
	interface CsvWriter extends AutoCloseable {

		/**
		 * Write one row.
		 * @param values the fields, as many as the header has
		 * @throws IOException when the archive cannot be written
		 */
		void row(Object... values) throws IOException;

		@Override
		void close() throws IOException;

	}

}
