package io.myuser.gdpr.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Default {@link ExportStorage}: one file per archive in a directory. An upload is written to
 * {@code <key>.part}, forced to disk and renamed to {@code <key>} on commit, so a reader never sees a half-written
 * archive; an upload of a key truncates whatever an earlier attempt left in its part file.
 * <p>
 * Archives hold a user's personal data. Where the file system supports POSIX permissions, part files and
 * archives are {@code rw-------} and a directory this storage creates is {@code rwx------}: only the
 * application's own user can read them. A directory that already exists is left as it is, but when other users
 * may enter or change it, a warning names it (once per storage).
 */
public final class FileSystemExportStorage implements ExportStorage {

	private static final Logger logger = LoggerFactory.getLogger(FileSystemExportStorage.class);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

	private static final String PART_SUFFIX = ".part";

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<OpenOption> PART_OPTIONS = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
			StandardOpenOption.TRUNCATE_EXISTING);

	private final Path directory;

	private final boolean posix;

	private final AtomicBoolean warnedAboutDirectory = new AtomicBoolean();

	/**
	 * Create a storage in a directory, which is created when missing. An existing directory that other users may
	 * enter or change is reported with a warning.
	 * @param directory where archives are kept
	 */
	public FileSystemExportStorage(Path directory) {
		Assert.notNull(directory, "directory cannot be null");
		this.directory = directory.toAbsolutePath().normalize();
		this.posix = this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (Files.isDirectory(this.directory)) {
			checkDirectoryPermissions();
		}
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
		createDirectory();
		Path part = this.directory.resolve(key + PART_SUFFIX);
		if (!this.posix) {
			return new FileUpload(FileChannel.open(part, PART_OPTIONS), part, target);
		}
		FileChannel channel = FileChannel.open(part, PART_OPTIONS,
				PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
		try {
			// A part file left by an earlier attempt keeps its mode when truncated: set it again. The committed
			// archive is this file renamed, so it is owner-only too.
			Files.setPosixFilePermissions(part, OWNER_ONLY_FILE);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
		return new FileUpload(channel, part, target);
	}

	/**
	 * Check that the directory is a directory this process can read and write, or, before the first archive has
	 * created it, that its nearest existing parent can be written. Touches no file.
	 */
	@Override
	public void check() throws IOException {
		if (Files.exists(this.directory)) {
			if (!Files.isDirectory(this.directory)) {
				throw new IOException("the export location is not a directory");
			}
			if (!Files.isReadable(this.directory) || !Files.isWritable(this.directory)
					|| !Files.isExecutable(this.directory)) {
				throw new IOException("the export directory cannot be read and written by this process");
			}
			return;
		}
		Path ancestor = this.directory.getParent();
		while (ancestor != null && !Files.exists(ancestor)) {
			ancestor = ancestor.getParent();
		}
		if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
			throw new IOException("the export directory does not exist and cannot be created by this process");
		}
	}

	private void createDirectory() throws IOException {
		if (Files.isDirectory(this.directory)) {
			checkDirectoryPermissions();
			return;
		}
		Path parent = this.directory.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			if (this.posix) {
				Files.createDirectory(this.directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
				// The attribute is narrowed by the umask only; make the mode exact.
				Files.setPosixFilePermissions(this.directory, OWNER_ONLY_DIRECTORY);
			}
			else {
				Files.createDirectory(this.directory);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile by another thread or process: use it as an existing directory.
			if (!Files.isDirectory(this.directory)) {
				throw ex;
			}
			checkDirectoryPermissions();
		}
	}

	private void checkDirectoryPermissions() {
		if (!this.posix || this.warnedAboutDirectory.get()) {
			return;
		}
		Set<PosixFilePermission> permissions;
		try {
			permissions = Files.getPosixFilePermissions(this.directory);
		}
		catch (IOException ex) {
			return;
		}
		Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
		others.addAll(permissions);
		others.removeAll(OWNER_ONLY_DIRECTORY);
		if (!others.isEmpty() && this.warnedAboutDirectory.compareAndSet(false, true)) {
			logger.warn("The directory of GDPR export archives, {}, has permissions {}: other users may list, "
					+ "rename or replace the archives in it (each archive is rw------- itself). MyUser leaves an "
					+ "existing directory as it is; restrict it to the application's user, for example with "
					+ "'chmod 700 {}'.", this.directory, PosixFilePermissions.toString(permissions), this.directory);
		}
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
