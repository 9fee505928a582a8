package io.myuser.gdpr.export;

import io.myuser.support.RefusedException;

/**
 * No export archive has the token of the link.
 */
public class DownloadNotFoundException extends RefusedException {

	public DownloadNotFoundException() {
		super(Reason.NOT_FOUND, "download-not-found", "Download not found",
				"This download link is not valid.");
	}

}
