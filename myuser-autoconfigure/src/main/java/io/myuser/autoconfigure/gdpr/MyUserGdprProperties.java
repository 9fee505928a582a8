package io.myuser.autoconfigure.gdpr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * GDPR properties: data requests, exports and account deletion. They are checked when they are bound.
 */
@ConfigurationProperties("myuser.gdpr")
@Validated
public class MyUserGdprProperties {

	/**
	 * Whether the GDPR feature (data requests, exports and account deletion) is enabled.
	 */
	private boolean enabled = true;

	/**
	 * How long the controller has to answer a data request (GDPR Art. 12(3)), recorded as its due date. Simple
	 * periods such as 1m (one month) or 30d, or ISO-8601 such as P1M.
	 */
	@NotNull
	@PositivePeriod
	private Period responseTime = Period.ofMonths(1);

	@Valid
	private final Export export = new Export();

	@Valid
	private final Deletion deletion = new Deletion();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Period getResponseTime() {
		return this.responseTime;
	}

	public void setResponseTime(Period responseTime) {
		this.responseTime = responseTime;
	}

	public Export getExport() {
		return this.export;
	}

	public Deletion getDeletion() {
		return this.deletion;
	}

	/**
	 * Data exports.
	 */
	public static class Export {

		/** The {@code max-downloads} value that sets no limit. */
		public static final int NO_LIMIT = -1;

		private static final String FILE_URL_PREFIX = "file:";

		/**
		 * A path or a {@code file:} URL, not a URL of another scheme; a scheme has two letters at least, so that a
		 * Windows drive stays a path.
		 */
		private static final String PATH_OR_FILE_URL = "(?s)file:.*|(?![A-Za-z][A-Za-z0-9+.-]+:).*";

		/**
		 * Whether users may request an export of their data.
		 */
		private boolean enabled = true;

		/**
		 * Directory the default storage keeps export archives in, as a path or a file: URL. Relative paths are
		 * resolved against the working directory. Ignored when the application defines its own ExportStorage bean.
		 */
		@NotBlank
		@Pattern(regexp = PATH_OR_FILE_URL,
				message = "must be a directory path or a file: URL (declare an ExportStorage bean to keep archives "
						+ "elsewhere)")
		private String location = "./var/myuser-exports";

		/**
		 * How long an export archive can be downloaded before it is deleted.
		 */
		@NotNull
		@DurationMin(inclusive = false, message = "must be positive")
		private Duration retention = Duration.ofDays(7);

		/**
		 * How many times an archive's download link may be used, or -1 for no limit.
		 */
		@MaxDownloads
		private @Nullable Integer maxDownloads = 5;

		/**
		 * How many rows an export reads from the database at a time.
		 */
		@Range(min = 1, max = 100_000, message = "must be between 1 and 100000")
		private int pageSize = 1000;

		/**
		 * Start of the downloaded archive's file name, followed by its date and .zip.
		 */
		@NotNull
		@Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be 1 to 100 letters, digits and . _ -")
		private String fileNamePrefix = "data-export";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public @Nullable Integer getMaxDownloads() {
			return this.maxDownloads;
		}

		public void setMaxDownloads(@Nullable Integer maxDownloads) {
			this.maxDownloads = maxDownloads;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public String getFileNamePrefix() {
			return this.fileNamePrefix;
		}

		public void setFileNamePrefix(String fileNamePrefix) {
			this.fileNamePrefix = fileNamePrefix;
		}

		/**
		 * Return the directory {@link #getLocation() location} names.
		 * @return the directory, possibly relative
		 */
		Path directory() {
			if (this.location.startsWith(FILE_URL_PREFIX)) {
				String path = this.location.substring(FILE_URL_PREFIX.length());
				return path.startsWith("//") ? Path.of(URI.create(this.location)) : Path.of(path);
			}
			return Path.of(this.location);
		}

	}

	/**
	 * Account deletion.
	 */
	public static class Deletion {

		/**
		 * Whether users may request the deletion of their account.
		 */
		private boolean enabled = true;

		/**
		 * How long a deletion request waits, and can be withdrawn, before the account is erased. Zero erases it
		 * as soon as the job engine picks the request up.
		 */
		@NotNull
		@DurationMin(message = "must not be negative")
		private Duration gracePeriod = Duration.ofDays(7);

		/**
		 * How recently the session of an account without a password must have started for the account to be
		 * deleted. Accounts with a password give it instead.
		 */
		@NotNull
		@DurationMin(inclusive = false, message = "must be positive")
		private Duration reauthenticationWindow = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

		public Duration getReauthenticationWindow() {
			return this.reauthenticationWindow;
		}

		public void setReauthenticationWindow(Duration reauthenticationWindow) {
			this.reauthenticationWindow = reauthenticationWindow;
		}

	}

}
