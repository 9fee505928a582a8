package io.myuser.gdpr.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where export archives are kept: a replaceable strategy (declare a bean of this type to replace the default
 * {@link FileSystemExportStorage}, for example with object storage).
 * <p>
 * Keys are relative names chosen by MyUser (letters, digits, {@code -}, {@code _} and {@code .}). An archive is
 * written through {@link #create(String)}, and becomes visible under its key only when the upload is committed:
 * a crash or failure while writing leaves nothing readable behind, and writing the same key again replaces what an
 * earlier, unfinished attempt left.
 */
public interface ExportStorage {

	/**
	 * Start writing an archive.
	 * @param key the key it will be stored under
	 * @return the upload; close it without committing to discard what was written
	 * @throws IOException when the storage cannot be written
	 */
	Upload create(String key) throws IOException;

	/**
	 * Read a stored archive.
	 * @param key its key
	 * @return its content; the caller closes it
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
	 * @throws IOException when the storage cannot be read
	 */
	InputStream open(String key) throws IOException;

	/**
	 * Delete a stored archive, and whatever an unfinished upload of that key left.
	 * @param key its key
	 * @return whether something was deleted
	 * @throws IOException when the storage could not delete it (it is tried again later)
	 */
	boolean delete(String key) throws IOException;

	/**
	 * Check, cheaply and without writing an archive, that archives can be written and read now: for health checks,
	 * called often, so it must not list, upload or download anything large. The default checks nothing; a storage
	 * that can tell should override it.
	 * @throws IOException with a reason safe to show an operator, when the storage cannot be used now
	 */
	default void check() throws IOException {
	}

	/**
	 * An archive being written.
	 */
	interface Upload extends AutoCloseable {

		/**
		 * Return the stream to write the archive to. Closing it does not commit.
		 * @return the stream
		 */
		OutputStream stream();

		/**
		 * Make the written archive visible under its key, replacing what was there.
		 * @return the archive's size in bytes
		 * @throws IOException when it could not be stored
		 */
		long commit() throws IOException;

		/**
		 * Discard the upload unless it was committed.
		 * @throws IOException when what was written could not be removed
		 */
		@Override
		void close() throws IOException;

	}

}
