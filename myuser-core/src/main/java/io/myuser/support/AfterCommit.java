package io.myuser.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Runs work once the current transaction has committed, or at once when there is no transaction.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Run an action after the current transaction commits (never if it rolls back), or now outside a transaction.
	 * @param action the action
	 */
	public static void run(Runnable action) {
		Assert.notNull(action, "action cannot be null");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
