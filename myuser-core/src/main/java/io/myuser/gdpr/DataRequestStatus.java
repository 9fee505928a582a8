package io.myuser.gdpr;

/**
 * Where a data request stands.
 */
public enum DataRequestStatus {

	/** Accepted, waiting to be processed (or, for a deletion, in its grace period). */
	PENDING,
	/** Being processed. */
	PROCESSING,
	/** Done. */
	COMPLETED,
	/** Given up after retries; the reason is in {@code notes}. */
	FAILED,
	/** A deletion withdrawn during its grace period. */
	CANCELLED

}
