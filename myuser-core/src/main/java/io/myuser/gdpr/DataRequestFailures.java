package io.myuser.gdpr;

import java.time.Clock;
import java.util.UUID;

import io.myuser.support.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Records that processing a request was given up: the request, if still open, becomes {@code FAILED} with the
 * reason after the user's notes, and {@link DataRequestEvents.Failed} is published. Used by the export and deletion
 * jobs when their retries run out.
 */
public final class DataRequestFailures {

	/** Longest reason kept in a request's notes. */
	private static final int REASON_MAX_LENGTH = 500;

	private final DataRequestRepository requests;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public DataRequestFailures(DataRequestRepository requests, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Mark a request failed, in a transaction of its own.
	 * @param requestId the request
	 * @param failure what the last attempt threw
	 * @param whileFailing what else to do in that transaction with the failed request (such as deleting a partial
	 * archive)
	 * @return whether an open request was marked failed
	 */
	public boolean giveUp(UUID requestId, Throwable failure, java.util.function.Consumer<DataRequest> whileFailing) {
		Assert.notNull(requestId, "requestId cannot be null");
		Assert.notNull(failure, "failure cannot be null");
		Assert.notNull(whileFailing, "whileFailing cannot be null");
		String reason = reason(failure);
		Boolean failed = this.transaction.execute((status) -> this.requests.findForUpdate(requestId)
			.filter(DataRequest::isOpen)
			.map((request) -> {
				request.fail(reason, this.clock.instant());
				whileFailing.accept(request);
				this.events.publishEvent(new DataRequestEvents.Failed(request.getUserId(), request.getId(),
						request.getRequestType(), reason));
				return true;
			})
			.orElse(false));
		return Boolean.TRUE.equals(failed);
	}

	/**
	 * The reason kept for a failure: its type and message, shortened.
	 * @param failure what was thrown
	 * @return the reason
	 */
	public static String reason(Throwable failure) {
		String text = failure.getClass().getSimpleName()
				+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		String reason = Texts.truncate(text, REASON_MAX_LENGTH);
		return (reason != null) ? reason : failure.getClass().getSimpleName();
	}

}
