package io.myuser.gdpr;

import java.util.UUID;

import io.myuser.support.RefusedException;
import org.jspecify.annotations.Nullable;

/**
 * The user already has an open request of the type asked for. The problem names it in {@code open_request_id}.
 */
public class OpenDataRequestException extends RefusedException {

	private final @Nullable UUID openRequestId;

	public OpenDataRequestException(DataRequestType type, @Nullable UUID openRequestId) {
		super(Reason.CONFLICT, "data-request-open", "Request already open",
				"You already have an open " + ((type == DataRequestType.EXPORT) ? "export" : "deletion")
						+ " request; it must finish before you make another.");
		this.openRequestId = openRequestId;
		if (openRequestId != null) {
			setProperty("open_request_id", openRequestId.toString());
		}
	}

	/**
	 * Return the open request.
	 * @return its id, or {@code null} if it ended meanwhile
	 */
	public @Nullable UUID getOpenRequestId() {
		return this.openRequestId;
	}

}
