package io.myuser.gdpr.export;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * No export archive has the token of the link.
 */
public class DownloadNotFoundException extends ProblemException {

	public DownloadNotFoundException() {
		super(HttpStatus.NOT_FOUND, "download-not-found", "Download not found",
				"This download link is not valid.");
	}

}
