package io.myuser.gdpr.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Deletes the stored files of export archives whose time is up and marks their rows. A file that cannot be
 * deleted is logged and left for the next run; it does not stop the others.
 */
public class ExportFileCleanup implements Runnable {

	/** The name of the recurring job that runs the clean-up. */
	public static final String JOB_NAME = "myuser-gdpr-export-cleanup";

	private static final Logger logger = LoggerFactory.getLogger(ExportFileCleanup.class);

	private static final int PAGE_SIZE = 200;

	private final DataExportFileRepository files;

	private final ExportStorage storage;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public ExportFileCleanup(DataExportFileRepository files, ExportStorage storage,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(files, "files cannot be null");
		Assert.notNull(storage, "storage cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.files = files;
		this.storage = storage;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Delete the files of every expired archive.
	 */
	@Override
	public void run() {
		Result result = deleteExpired();
		if (result.deleted() > 0 || result.failed() > 0) {
			logger.info("Export clean-up: deleted {} expired archives, {} left for the next run", result.deleted(),
					result.failed());
		}
	}

	/**
	 * Delete the files of every expired archive.
	 * @return how many were deleted and how many could not be
	 */
	public Result deleteExpired() {
		Instant now = this.clock.instant();
		Instant afterExpiry = Instant.EPOCH.minusSeconds(1);
		UUID afterId = new UUID(0, 0);
		int deleted = 0;
		int failed = 0;
		while (true) {
			Instant fromExpiry = afterExpiry;
			UUID fromId = afterId;
			List<DataExportFile> page = this.transaction
				.execute((status) -> this.files.findExpiredWithFile(now, fromExpiry, fromId, Limit.of(PAGE_SIZE)));
			if (page == null || page.isEmpty()) {
				return new Result(deleted, failed);
			}
			for (DataExportFile file : page) {
				if (deleteOne(file, now)) {
					deleted++;
				}
				else {
					failed++;
				}
			}
			DataExportFile last = page.get(page.size() - 1);
			afterExpiry = last.getExpiresAt();
			afterId = last.getId();
			if (page.size() < PAGE_SIZE) {
				return new Result(deleted, failed);
			}
		}
	}

	private boolean deleteOne(DataExportFile file, Instant now) {
		try {
			this.storage.delete(file.getStorageKey());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not delete expired export archive {}; trying again on the next run",
					file.getStorageKey(), ex);
			return false;
		}
		this.transaction.executeWithoutResult((status) -> this.files.findById(file.getId())
			.ifPresent((current) -> current.markFileDeleted(now)));
		return true;
	}

	/**
	 * What a clean-up run did.
	 *
	 * @param deleted archives whose file was deleted
	 * @param failed archives whose file could not be deleted
	 */
	public record Result(int deleted, int failed) {
	}

}
