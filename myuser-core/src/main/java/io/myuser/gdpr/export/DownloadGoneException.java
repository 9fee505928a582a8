package io.myuser.gdpr.export;

import io.myuser.support.RefusedException;

/**
 * The export archive of the link expired, was deleted or has been downloaded as often as allowed.
 */
public class DownloadGoneException extends RefusedException {

	public DownloadGoneException() {
		super(Reason.GONE, "download-gone", "Download no longer available",
				"This download link has expired or has been used up. Request a new export.");
	}

}
