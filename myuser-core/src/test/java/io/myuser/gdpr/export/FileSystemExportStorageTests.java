package io.myuser.gdpr.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.myuser.gdpr.export.ExportStorage.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link FileSystemExportStorage}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileSystemExportStorageTests {

	private static final String KEY = "export-0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b.zip";

	@TempDir
	Path directory;

	private FileSystemExportStorage storage() {
		return new FileSystemExportStorage(this.directory);
	}

	@Test
	void createWhenWrittenThenNothingIsReadableUnderTheKeyUntilCommit() throws IOException {
		FileSystemExportStorage storage = storage();
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(bytes("first half "));
			upload.stream().flush();
			upload.stream().write(bytes("second half"));
			upload.stream().flush();
			assertThat(files()).containsExactly(KEY + ".part");
			assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> storage.open(KEY));

			long size = upload.commit();

			assertThat(size).isEqualTo(22);
			assertThat(files()).containsExactly(KEY);
		}
		assertThat(files()).as("close after commit keeps the archive").containsExactly(KEY);
		assertThat(read(storage, KEY)).isEqualTo("first half second half");
	}

	@Test
	void commitWhenAnArchiveIsStoredUnderTheKeyThenItIsReplacedOnlyAtCommit() throws IOException {
		FileSystemExportStorage storage = storage();
		store(storage, KEY, "old archive");
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(bytes("new"));
			upload.stream().flush();
			assertThat(read(storage, KEY)).as("readers see the old archive while the new one is written")
				.isEqualTo("old archive");
			upload.commit();
		}
		assertThat(read(storage, KEY)).isEqualTo("new");
		assertThat(files()).containsExactly(KEY);
	}

	@Test
	void closeWhenNotCommittedThenWhatWasWrittenIsDiscarded() throws IOException {
		FileSystemExportStorage storage = storage();
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(new byte[200_000]);
		}
		assertThat(files()).isEmpty();
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> storage.open(KEY));
	}

	@Test
	void closeWhenNotCommittedThenAnArchiveStoredEarlierIsKept() throws IOException {
		FileSystemExportStorage storage = storage();
		store(storage, KEY, "earlier");
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(bytes("abandoned"));
		}
		assertThat(files()).containsExactly(KEY);
		assertThat(read(storage, KEY)).isEqualTo("earlier");
	}

	@Test
	void createWhenACrashedAttemptLeftAPartFileThenItIsTruncated() throws IOException {
		// What a worker killed mid-write leaves: a long part file and no archive.
		Files.write(this.directory.resolve(KEY + ".part"), new byte[100_000]);
		FileSystemExportStorage storage = storage();
		long size;
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(bytes("abc"));
			size = upload.commit();
		}
		assertThat(size).isEqualTo(3);
		assertThat(Files.size(this.directory.resolve(KEY))).isEqualTo(3);
		assertThat(read(storage, KEY)).isEqualTo("abc");
		assertThat(files()).containsExactly(KEY);
	}

	@Test
	void commitWhenAlreadyCommittedOrClosedThenIllegalStateException() throws IOException {
		FileSystemExportStorage storage = storage();
		Upload committed = storage.create("a");
		committed.commit();
		assertThatIllegalStateException().isThrownBy(committed::commit);
		committed.close();
		Upload closed = storage.create("b");
		closed.close();
		closed.close();
		assertThatIllegalStateException().isThrownBy(closed::commit);
		assertThat(files()).containsExactly("a");
	}

	@Test
	void createWhenTheDirectoryIsMissingThenItIsCreated() throws IOException {
		Path nested = this.directory.resolve("var/myuser-exports");
		FileSystemExportStorage storage = new FileSystemExportStorage(nested);
		assertThat(nested).doesNotExist();
		store(storage, KEY, "x");
		assertThat(nested.resolve(KEY)).hasContent("x");
	}

	@Test
	void createWhenTheDirectoryIsMissingThenItIsCreatedForTheOwnerOnly() throws IOException {
		assumePosix();
		Path nested = this.directory.resolve("var/myuser-exports");
		store(new FileSystemExportStorage(nested), KEY, "x");
		assertThat(Files.getPosixFilePermissions(nested)).isEqualTo(permissions("rwx------"));
	}

	@Test
	void createWhenWrittenThenThePartFileAndTheArchiveAreForTheOwnerOnly() throws IOException {
		assumePosix();
		FileSystemExportStorage storage = storage();
		try (Upload upload = storage.create(KEY)) {
			upload.stream().write(bytes("personal data"));
			upload.stream().flush();
			assertThat(Files.getPosixFilePermissions(this.directory.resolve(KEY + ".part")))
				.isEqualTo(permissions("rw-------"));
			upload.commit();
		}
		assertThat(Files.getPosixFilePermissions(this.directory.resolve(KEY))).isEqualTo(permissions("rw-------"));
	}

	@Test
	void createWhenALeftPartFileIsReadableByOthersThenItIsMadeOwnerOnly() throws IOException {
		assumePosix();
		Path part = this.directory.resolve(KEY + ".part");
		Files.write(part, new byte[1000]);
		Files.setPosixFilePermissions(part, permissions("rw-rw-rw-"));
		FileSystemExportStorage storage = storage();
		try (Upload upload = storage.create(KEY)) {
			assertThat(Files.getPosixFilePermissions(part)).isEqualTo(permissions("rw-------"));
			upload.stream().write(bytes("abc"));
			upload.commit();
		}
		assertThat(Files.getPosixFilePermissions(this.directory.resolve(KEY))).isEqualTo(permissions("rw-------"));
	}

	@Test
	void createWhenAnArchiveWasStoredWithWiderPermissionsThenTheReplacementIsOwnerOnly() throws IOException {
		assumePosix();
		Path archive = this.directory.resolve(KEY);
		Files.write(archive, bytes("written by an older version"));
		Files.setPosixFilePermissions(archive, permissions("rw-r--r--"));
		store(storage(), KEY, "new");
		assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(permissions("rw-------"));
	}

	@Test
	void constructorWhenAnExistingDirectoryIsOpenToOthersThenItIsLeftAsItIsAndAWarningNamesIt(
			CapturedOutput output) throws IOException {
		assumePosix();
		Path shared = Files.createDirectory(this.directory.resolve("shared"));
		Files.setPosixFilePermissions(shared, permissions("rwxr-xr-x"));
		FileSystemExportStorage storage = new FileSystemExportStorage(shared);
		store(storage, "a", "1");
		store(storage, "b", "2");
		assertThat(Files.getPosixFilePermissions(shared)).as("an existing directory is not changed")
			.isEqualTo(permissions("rwxr-xr-x"));
		assertThat(Files.getPosixFilePermissions(shared.resolve("a"))).isEqualTo(permissions("rw-------"));
		String warning = "The directory of GDPR export archives, " + shared + ", has permissions rwxr-xr-x";
		assertThat(output.getOut()).contains(warning).contains("chmod 700 " + shared);
		assertThat(output.getOut().split(Pattern.quote(warning), -1)).as("warned once")
			.hasSize(2);
	}

	@Test
	void createWhenTheDirectoryAppearedLaterOpenToOthersThenAWarningNamesIt(CapturedOutput output)
			throws IOException {
		assumePosix();
		Path later = this.directory.resolve("later");
		FileSystemExportStorage storage = new FileSystemExportStorage(later);
		Files.createDirectory(later);
		Files.setPosixFilePermissions(later, permissions("rwxrwxrwx"));
		store(storage, KEY, "x");
		assertThat(output.getOut())
			.contains("The directory of GDPR export archives, " + later + ", has permissions rwxrwxrwx");
	}

	@Test
	void constructorWhenTheDirectoryIsOwnerOnlyThenNoWarning(CapturedOutput output) throws IOException {
		assumePosix();
		Path own = Files.createDirectory(this.directory.resolve("own"));
		Files.setPosixFilePermissions(own, permissions("rwx------"));
		store(new FileSystemExportStorage(own), KEY, "x");
		assertThat(output.getOut()).doesNotContain("The directory of GDPR export archives");
	}

	@Test
	void getDirectoryThenAbsoluteAndNormalized() {
		Path relative = Path.of("var", "..", "var", "exports");
		assertThat(new FileSystemExportStorage(relative).getDirectory())
			.isEqualTo(Path.of("var/exports").toAbsolutePath());
	}

	@Test
	void deleteWhenStoredThenTheArchiveAndAnyPartFileAreRemoved() throws IOException {
		FileSystemExportStorage storage = storage();
		store(storage, KEY, "archive");
		Files.write(this.directory.resolve(KEY + ".part"), bytes("left by a later crashed attempt"));
		assertThat(storage.delete(KEY)).isTrue();
		assertThat(files()).isEmpty();
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> storage.open(KEY));
		assertThat(storage.delete(KEY)).as("nothing left to delete").isFalse();
	}

	@Test
	void deleteWhenOnlyAPartFileIsLeftThenItIsRemoved() throws IOException {
		Files.write(this.directory.resolve(KEY + ".part"), bytes("crashed"));
		assertThat(storage().delete(KEY)).isTrue();
		assertThat(files()).isEmpty();
	}

	@Test
	void deleteWhenOtherKeysAreStoredThenTheyAreKept() throws IOException {
		FileSystemExportStorage storage = storage();
		store(storage, "a", "1");
		store(storage, "ab", "2");
		store(storage, "a.zip", "3");
		assertThat(storage.delete("a")).isTrue();
		assertThat(files()).containsExactlyInAnyOrder("ab", "a.zip");
	}

	@Test
	void openWhenNothingIsStoredThenNoSuchFileException() {
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> storage().open(KEY));
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> storage().open("never-written"));
	}

	@Test
	void keyWhenNotASimpleNameThenIllegalArgumentExceptionAndNothingIsTouched() throws IOException {
		FileSystemExportStorage storage = storage();
		Path outside = this.directory.resolveSibling(this.directory.getFileName() + "-outside");
		List<String> invalid = List.of("", "a/b", "/abs", "/", "..", ".", "../x", "../" + outside.getFileName(),
				"a/../b", ".hidden", ".part", "x.part", KEY + ".part", "a\\b", "..\\x", "with space", "nul\u0000",
				"caf\u00e9", "a:b", "x".repeat(201), "*");
		for (String key : invalid) {
			assertThatIllegalArgumentException().as("create '%s'", key).isThrownBy(() -> storage.create(key));
			assertThatIllegalArgumentException().as("open '%s'", key).isThrownBy(() -> storage.open(key));
			assertThatIllegalArgumentException().as("delete '%s'", key).isThrownBy(() -> storage.delete(key));
		}
		assertThat(files()).isEmpty();
		assertThat(outside).doesNotExist();
	}

	@Test
	void keyWhenASimpleNameThenAccepted() throws IOException {
		FileSystemExportStorage storage = storage();
		List<String> valid = List.of("a", "A-Z_09", "export-1.zip", "x..y", "_x", "-x", "x".repeat(200),
				"archive.part1");
		for (String key : valid) {
			store(storage, key, key);
		}
		for (String key : valid) {
			assertThat(read(storage, key)).isEqualTo(key);
		}
		assertThat(files()).containsExactlyInAnyOrderElementsOf(valid);
	}

	// ---------------------------------------------------------------- helpers

	private static void store(ExportStorage storage, String key, String content) throws IOException {
		try (Upload upload = storage.create(key)) {
			upload.stream().write(bytes(content));
			upload.commit();
		}
	}

	private static String read(ExportStorage storage, String key) throws IOException {
		try (InputStream in = storage.open(key)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<String> files() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private void assumePosix() {
		assumeTrue(this.directory.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"the file system has no POSIX permissions");
	}

	private static Set<PosixFilePermission> permissions(String permissions) {
		return PosixFilePermissions.fromString(permissions);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
