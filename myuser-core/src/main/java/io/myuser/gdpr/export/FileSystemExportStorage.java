package io.myuser.gdpr.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * Default {@link ExportStorage}: one file per archive in a directory. An upload is written to
 * {@code <key>.part}, forced to disk and renamed to {@code <key>} on commit, so a reader never sees a half-written
 * archive; an upload of a key truncates whatever an earlier attempt left in its part file.
 */
public final class FileSystemExportStorage implements ExportStorage {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

	private static final String PART_SUFFIX = ".part";

	private final Path directory;

	/**
	 * Create a storage in a directory, which is created when missing.
	 * @param directory where archives are kept
	 */
	public FileSystemExportStorage(Path directory) {
		Assert.notNull(directory, "directory cannot be null");
		this.directory = directory.toAbsolutePath().normalize();
	}

	/**
	 * Return the directory archives are kept in.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	@Override
	public Upload create(String key) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(this.directory);
		Path part = this.directory.resolve(key + PART_SUFFIX);
		FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		return new FileUpload(channel, part, target);
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public boolean delete(String key) throws IOException {
		Path target = resolve(key);
		boolean part = Files.deleteIfExists(this.directory.resolve(key + PART_SUFFIX));
		return Files.deleteIfExists(target) || part;
	}

	private Path resolve(String key) {
		Assert.isTrue(key != null && KEY.matcher(key).matches() && !key.endsWith(PART_SUFFIX),
				() -> "invalid storage key '" + key + "'");
		Path path = this.directory.resolve(key).normalize();
		Assert.isTrue(path.getParent().equals(this.directory), () -> "invalid storage key '" + key + "'");
		return path;
	}

	private static final class FileUpload implements Upload {

		private final FileChannel channel;

		private final Path part;

		private final Path target;

		private final OutputStream stream;

		private boolean committed;

		private boolean closed;

		FileUpload(FileChannel channel, Path part, Path target) {
			this.channel = channel;
			this.part = part;
			this.target = target;
			this.stream = new BufferedOutputStream(new FilterOutputStream(java.nio.channels.Channels
				.newOutputStream(channel)) {

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					this.out.write(bytes, offset, length);
				}

				@Override
				public void close() throws IOException {
					flush();
				}

			}, 64 * 1024);
		}

		@Override
		public OutputStream stream() {
			return this.stream;
		}

		@Override
		public long commit() throws IOException {
			Assert.state(!this.closed && !this.committed, "upload already finished");
			this.stream.flush();
			this.channel.force(true);
			long size = this.channel.size();
			this.channel.close();
			try {
				Files.move(this.part, this.target, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(this.part, this.target, StandardCopyOption.REPLACE_EXISTING);
			}
			this.committed = true;
			return size;
		}

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (!this.committed) {
				try {
					this.channel.close();
				}
				finally {
					Files.deleteIfExists(this.part);
				}
			}
		}

	}

}
