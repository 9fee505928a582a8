package io.myuser.gdpr.export;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code data-export/download/{token}/}: streams an export archive as an attachment. The token in the path is the
 * credential; unknown tokens answer 404, expired or used-up ones 410. Nothing is cached and no referrer is sent on.
 */
@MyUserApi
@RestController
public class DataExportDownloadController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final DataExportDownloads downloads;

	private final ClientInfoResolver clientInfoResolver;

	private final String fileNamePrefix;

	/**
	 * Create the controller.
	 * @param downloads the download links
	 * @param clientInfoResolver who downloads
	 * @param fileNamePrefix the start of the attachment's file name, followed by the archive's date and
	 * {@code .zip}
	 */
	public DataExportDownloadController(DataExportDownloads downloads, ClientInfoResolver clientInfoResolver,
			String fileNamePrefix) {
		Assert.notNull(downloads, "downloads cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		Assert.hasText(fileNamePrefix, "fileNamePrefix cannot be empty");
		this.downloads = downloads;
		this.clientInfoResolver = clientInfoResolver;
		this.fileNamePrefix = fileNamePrefix;
	}

	@GetMapping("/data-export/download/{token}")
	@ProblemAnswers(410)
	public ResponseEntity<Resource> download(@PathVariable String token, HttpServletRequest request) {
		DataExportDownloads.Download download = this.downloads.open(token, this.clientInfoResolver.resolve(request));
		String fileName = this.fileNamePrefix + "-" + DAY.format(download.createdAt()) + ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(download.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

}
