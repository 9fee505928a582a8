package io.myuser.support.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Runs work in a transaction and runs it again, in a new transaction, when it lost a race: an optimistic locking
 * failure (the row changed since it was read), a deadlock the database broke by aborting this side, or a lock it
 * could not get in time. Each attempt starts from what the database holds then (a rollback clears the
 * persistence context, even one bound to the request), so the retried work sees the write it lost to and decides
 * again. After the last attempt the failure becomes a {@link ConcurrentUpdateException}, answered 409.
 * <p>
 * Work called inside a transaction that is already running joins it and is not retried here: the outermost
 * caller owns the retry, since a failed statement spoils the whole transaction.
 */
public final class RetryingTransactions {

	/** Attempts before giving up. */
	public static final int DEFAULT_ATTEMPTS = 6;

	private static final Logger logger = LoggerFactory.getLogger(RetryingTransactions.class);

	private final TransactionTemplate readWrite;

	private final TransactionTemplate readOnly;

	private final int attempts;

	public RetryingTransactions(PlatformTransactionManager transactionManager) {
		this(transactionManager, DEFAULT_ATTEMPTS);
	}

	public RetryingTransactions(PlatformTransactionManager transactionManager, int attempts) {
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.isTrue(attempts > 0, "attempts must be positive");
		this.readWrite = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.attempts = attempts;
	}

	/**
	 * Run work in a transaction, again after a lost race.
	 * @param <T> what the work returns
	 * @param work the work; it must be safe to run again (what it did in a rolled-back attempt is undone)
	 * @return what the work returned in the attempt that committed
	 * @throws ConcurrentUpdateException when every attempt lost
	 */
	public <T> T execute(Supplier<T> work) {
		return run(this.readWrite, work);
	}

	/**
	 * Run work that returns nothing in a transaction, again after a lost race.
	 * @param work the work
	 * @throws ConcurrentUpdateException when every attempt lost
	 */
	public void executeWithoutResult(Runnable work) {
		run(this.readWrite, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Run reading work in a read-only transaction (joining one that runs already).
	 * @param <T> what the work returns
	 * @param work the work
	 * @return what it returned
	 */
	public <T> T read(Supplier<T> work) {
		return run(this.readOnly, work);
	}

	private <T> T run(TransactionTemplate template, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return template.execute((status) -> work.get());
		}
		RuntimeException last = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				return template.execute((status) -> work.get());
			}
			catch (TransientDataAccessException ex) { // ConcurrencyFailureException among them
				last = ex;
				logger.debug("Attempt {} of {} lost a race and is retried: {}", attempt, this.attempts,
						ex.getMessage());
				pause(attempt);
			}
		}
		throw new ConcurrentUpdateException(last);
	}

	private static void pause(int attempt) {
		long bound = Math.min(200, 5L << Math.min(attempt, 6));
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConcurrentUpdateException(ex);
		}
	}

	/**
	 * Work that lost every attempt to concurrent writers of the same rows. Nothing of it was committed.
	 */
	public static final class ConcurrentUpdateException extends RuntimeException {

		/**
		 * Create the failure.
		 * @param cause the last race lost, if any
		 */
		public ConcurrentUpdateException(@Nullable Throwable cause) {
			super("The data changed concurrently; nothing was changed", cause);
		}

	}

}
