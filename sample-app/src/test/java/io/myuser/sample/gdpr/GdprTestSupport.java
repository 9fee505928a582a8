package io.myuser.sample.gdpr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the GDPR end-to-end tests: the sample application with a real SMTP server (GreenMail, on a free port of
 * its own) and the export storage of {@link FaultInjectingExportStorage} in a fresh directory, driven over HTTP and
 * checked through the mailbox, the downloaded archives, the storage directory and the database.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "myuser.jobs.polling-interval=100ms",
		"myuser.jobs.retry.initial-delay=200ms", "myuser.jobs.retry.backoff-multiplier=1.0",
		"myuser.jobs.retry.max-attempts=3", "myuser.gdpr.export.max-downloads=3",
		"myuser.mail.link-base-url=http://downloads.example" })
@Import(GdprTestSupport.StorageConfiguration.class)
abstract class GdprTestSupport extends IntegrationTestSupport {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String PASSWORD = "a long and unusual passphrase";

	private static final Pattern DOWNLOAD = Pattern.compile("http://downloads\\.example(/api/auth/data-export/download/"
			+ "([A-Za-z0-9_-]+)/)");

	private static final HttpClient BYTES = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startSmtp() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Create a user and log in; returns the access token. */
	protected String userWithToken(String email) {
		createUser(email, PASSWORD);
		return accessToken(email, PASSWORD);
	}

	/** Ask for an export or a deletion; a deletion gives the password of {@link #userWithToken}. */
	protected HttpResult requestData(String access, String type) {
		Map<String, String> body = "DELETE".equals(type) ? Map.of("request_type", type, "password", PASSWORD)
				: Map.of("request_type", type);
		return postJson(BASE + "/data-requests/", json(body), "Authorization", "Bearer " + access);
	}

	protected UUID requestId(HttpResult created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	protected String status(UUID requestId) {
		return this.jdbc.queryForObject("select status from myuser_data_request where id = ?", String.class,
				requestId);
	}

	protected void awaitStatus(UUID requestId, String status) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(status(requestId)));
	}

	protected List<MimeMessage> awaitMail(String to, int count) {
		await().atMost(PATIENCE).until(() -> mailTo(to).size() >= count);
		return mailTo(to);
	}

	protected static List<MimeMessage> mailTo(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((address) -> address.toString().contains(to));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	protected static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/** The download link in an "export ready" email, rebased on the test server. */
	protected String downloadPath(MimeMessage message) {
		Matcher matcher = DOWNLOAD.matcher(body(message).replace("=\r\n", "").replace("=3D", "="));
		assertThat(matcher.find()).as("a download link in: %s", body(message)).isTrue();
		return matcher.group(1);
	}

	protected static String tokenOf(String downloadPath) {
		Matcher matcher = Pattern.compile("/download/([A-Za-z0-9_-]+)/").matcher(downloadPath);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	protected Download download(String path) {
		try {
			HttpResponse<byte[]> response = BYTES.send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + this.port + path)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Read a ZIP into entry name → bytes, failing on a broken archive. */
	protected static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(entries).as("a ZIP with entries").isNotEmpty();
		return entries;
	}

	protected static String text(Map<String, byte[]> entries, String name) {
		assertThat(entries).containsKey(name);
		return new String(entries.get(name), java.nio.charset.StandardCharsets.UTF_8);
	}

	protected static JsonNode jsonEntry(Map<String, byte[]> entries, String name) {
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text(entries, name));
	}

	/** The names of the files in the export storage directory. */
	protected static List<String> storedFiles(FaultInjectingExportStorage storage) {
		if (!Files.isDirectory(storage.directory())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(storage.directory())) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A downloaded answer.
	 */
	record Download(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> String.join(",", entry.getValue()))
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * The host's export storage for these tests: a fresh temporary directory per application context.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class StorageConfiguration {

		@Bean
		FaultInjectingExportStorage exportStorage() throws IOException {
			return new FaultInjectingExportStorage(Files.createTempDirectory("myuser-exports-"));
		}

	}

}
