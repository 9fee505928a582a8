package io.myuser.gdpr.export;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The export archive of the link expired, was deleted or has been downloaded as often as allowed.
 */
public class DownloadGoneException extends ProblemException {

	public DownloadGoneException() {
		super(HttpStatus.GONE, "download-gone", "Download no longer available",
				"This download link has expired or has been used up. Request a new export.");
	}

}
