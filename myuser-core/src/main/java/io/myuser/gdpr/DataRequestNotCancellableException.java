package io.myuser.gdpr;

import io.myuser.support.RefusedException;

/**
 * Only a deletion request that is still in its grace period can be withdrawn.
 */
public class DataRequestNotCancellableException extends RefusedException {

	public DataRequestNotCancellableException(DataRequest request) {
		super(Reason.CONFLICT, "data-request-not-cancellable", "Request cannot be withdrawn",
				(request.getRequestType() != DataRequestType.DELETE)
						? "Only a deletion request can be withdrawn."
						: "This deletion request is " + request.getStatus().name().toLowerCase(java.util.Locale.ROOT)
								+ " and can no longer be withdrawn.");
		setProperty("request_status", request.getStatus().name());
	}

}
