package io.myuser.gdpr.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Download links of export archives. A link's token carries 256 random bits and only its SHA-256 hash is stored;
 * it is issued when the "export ready" email is sent (a new one replaces the old), expires with the archive and
 * may be limited to a number of downloads.
 */
public class DataExportDownloads {

	private static final Logger logger = LoggerFactory.getLogger(DataExportDownloads.class);

	/** What a token looks like: base64url, as {@link SecretTokens#generate()} makes them. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,128}");

	private final DataExportFileRepository files;

	private final ExportStorage storage;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public DataExportDownloads(DataExportFileRepository files, ExportStorage storage,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(files, "files cannot be null");
		Assert.notNull(storage, "storage cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.files = files;
		this.storage = storage;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Issue a fresh download token for an archive; the token issued before stops working.
	 * @param exportFileId the archive
	 * @return the token and until when it works, or empty when the archive can no longer be downloaded
	 */
	public Optional<IssuedLink> issueToken(UUID exportFileId) {
		Assert.notNull(exportFileId, "exportFileId cannot be null");
		Optional<IssuedLink> issued = this.transaction.execute((status) -> {
			Optional<DataExportFile> found = this.files.findById(exportFileId)
				.filter((file) -> file.isDownloadable(this.clock.instant()));
			if (found.isEmpty()) {
				return Optional.empty();
			}
			String token = SecretTokens.generate();
			found.get().replaceTokenHash(SecretTokens.hash(token));
			return Optional.of(new IssuedLink(token, found.get().getExpiresAt()));
		});
		return (issued != null) ? issued : Optional.empty();
	}

	/**
	 * Start a download: count it (at most as many as the archive allows, however many arrive at once), audit it
	 * and open the archive.
	 * @param token the token from the link
	 * @param client who downloads
	 * @return the download
	 * @throws DownloadNotFoundException when no archive has that token
	 * @throws DownloadGoneException when the archive expired, was deleted or has no downloads left
	 */
	public Download open(String token, ClientInfo client) {
		Assert.notNull(token, "token cannot be null");
		Assert.notNull(client, "client cannot be null");
		if (!TOKEN.matcher(token).matches()) {
			throw new DownloadNotFoundException();
		}
		String hash = SecretTokens.hash(token);
		DataExportFile file = this.transaction.execute((status) -> {
			DataExportFile found = this.files.findByTokenHash(hash).orElseThrow(DownloadNotFoundException::new);
			Instant now = this.clock.instant();
			if (this.files.countDownload(found.getId(), now) != 1) {
				throw new DownloadGoneException();
			}
			DataExportFile counted = this.files.findById(found.getId()).orElseThrow(DownloadGoneException::new);
			this.events.publishEvent(new DataExportDownloaded(counted.getUserId(), counted.getId(),
					counted.getDownloadCount(), client));
			return counted;
		});
		Assert.state(file != null, "no file");
		try {
			InputStream content = this.storage.open(file.getStorageKey());
			return new Download(content, file.getFileSize(), file.getCreatedAt());
		}
		catch (NoSuchFileException ex) {
			logger.warn("Export archive {} of file {} is missing from the storage", file.getStorageKey(),
					file.getId());
			throw new DownloadGoneException();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open export archive " + file.getStorageKey(), ex);
		}
	}

	/**
	 * A download token and until when it works.
	 *
	 * @param token the token, to put in the link
	 * @param expiresAt when the archive is deleted
	 */
	public record IssuedLink(String token, Instant expiresAt) {
	}

	/**
	 * An archive being downloaded.
	 *
	 * @param content its bytes; the caller closes the stream
	 * @param size its size in bytes
	 * @param createdAt when it was built
	 */
	public record Download(InputStream content, long size, Instant createdAt) {
	}

}
