package io.myuser.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.myuser.sample.SampleApplication;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page at {@code /}, driven in a real headless Chromium through the whole flow: register, open the
 * verification link from the dev mailbox, sign in, edit the profile and the consent, list and revoke sessions,
 * export and download, request and withdraw a deletion, sign out. After each step the test reads what the page
 * shows, checks the database or the API where that proves the step happened, and saves a screenshot under
 * {@code target/demo-screenshots/}. The sample runs with its shipped configuration on H2, on a free port that the
 * test picks first, so that the links in the emails point at it.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "myuser.token.signing.secret=" + IntegrationTestSupport.SIGNING_SECRET,
				"spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
				"sample.demo-user.enabled=false", "sample.dev-mailbox.enabled=true",
				"myuser.gdpr.export.location=${java.io.tmpdir}/myuser-test-exports/${random.uuid}",
				// The flow makes three data requests (an export, a deletion refused for its password, the
				// deletion), one more than the default budget of 2/day; every other limit is the sample's.
				"myuser.rate-limit.scopes.data-request.per-user=3/day" })
class DemoPageBrowserTests {

	private static final int PORT = freePort();

	private static final String BASE = "http://localhost:" + PORT;

	private static final Path SCREENSHOTS = Paths.get("target", "demo-screenshots");

	private static final String PASSWORD = "a demo passphrase nobody guesses";

	private static final Duration UI = Duration.ofSeconds(10);

	/** Long enough for the job engine to send an email or build an export (it polls every 2 s). */
	private static final Duration JOBS = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	private JdbcTemplate jdbc;

	private int shot;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("myuser.mail.link-base-url", () -> BASE);
	}

	@Test
	void the_demo_page_walks_the_whole_flow_in_a_browser() throws Exception {
		try {
			walkTheWholeFlow();
		}
		catch (Exception | AssertionError failure) {
			// What the page showed when it went wrong.
			screenshot("failure");
			throw failure;
		}
	}

	private void walkTheWholeFlow() throws Exception {
		WebDriver browser = chromium.driver();
		String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		// The page, signed out.
		browser.get(BASE + "/");
		waitText(By.id("who"), "Not signed in.");
		assertThat(browser.getTitle()).isEqualTo("MyUser demo");
		assertThat(browser.findElement(By.id("account")).isDisplayed()).isFalse();
		screenshot("home");

		// 1. Register: first with passwords that differ (the field error is shown), then properly.
		WebElement register = browser.findElement(By.id("register-form"));
		type(register, "email", email);
		type(register, "password1", PASSWORD);
		type(register, "password2", PASSWORD + " but different");
		type(register, "first_name", "Ada");
		type(register, "last_name", "Lovelace");
		register.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.cssSelector("#register-message.error li[data-field=password2]"));
		assertThat(text("register-message")).contains("password2: The two password fields didn't match.");
		assertThat(userCount(email)).isZero();
		screenshot("register-refused");

		type(register, "password2", PASSWORD);
		register.findElement(By.cssSelector("button[type=submit]")).click();
		waitText(By.cssSelector("#register-message.ok"), "Registered: Verification e-mail sent.");
		assertThat(this.jdbc.queryForObject("select email_verified from myuser_user where email = ?", Boolean.class,
				email)).isFalse();
		screenshot("registered");

		// 2. The verification link, from the dev mailbox in a tab of its own.
		String demoTab = browser.getWindowHandle();
		browser.findElement(By.id("mailbox-link")).click();
		new WebDriverWait(browser, UI).until(ExpectedConditions.numberOfWindowsToBe(2));
		String mailboxTab = browser.getWindowHandles().stream().filter((h) -> !h.equals(demoTab)).findFirst().get();
		browser.switchTo().window(mailboxTab);
		WebElement verificationLink = untilInMailbox(browser, "/pages/verify-email?key=");
		assertThat(browser.findElement(By.cssSelector("#mails .mail .to")).getText()).isEqualTo(email);
		screenshot("mailbox-verification");
		verificationLink.click();
		waitText(By.id("status"), "Your email address is confirmed.");
		assertThat(this.jdbc.queryForObject("select email_verified from myuser_user where email = ?", Boolean.class,
				email)).isTrue();
		screenshot("verified");
		browser.close();
		browser.switchTo().window(demoTab);

		// 3. Sign in: a wrong password shows MyUser's one message for every refusal; then the right one.
		WebElement login = browser.findElement(By.id("login-form"));
		assertThat(login.findElement(By.name("email")).getDomProperty("value")).isEqualTo(email);
		type(login, "password", "not the password at all");
		login.findElement(By.cssSelector("button[type=submit]")).click();
		waitText(By.cssSelector("#login-message.error"), "No active account found with the given credentials.");
		screenshot("login-refused");
		type(login, "password", PASSWORD);
		login.findElement(By.cssSelector("button[type=submit]")).click();
		waitText(By.id("who"), "Signed in as " + email + ".");
		waitFor(By.cssSelector("#sessions-list tr.session"));
		assertThat(browser.findElements(By.cssSelector("#sessions-list tr.session"))).hasSize(1);
		assertThat(text("sessions-list")).contains("this page");
		new WebDriverWait(browser, UI).until(ExpectedConditions
			.attributeToBe(By.cssSelector("#profile-form input[name=email]"), "value", email));
		assertThat(liveSessions(email)).isEqualTo(1);
		screenshot("signed-in");

		// 4. Profile and consent.
		WebElement profile = browser.findElement(By.id("profile-form"));
		assertThat(profile.findElement(By.name("first_name")).getDomProperty("value")).isEqualTo("Ada");
		assertThat(text("consent-updated")).isEqualTo("never");
		type(profile, "first_name", "Grace");
		type(profile, "last_name", "Hopper");
		profile.findElement(By.name("marketing_consent")).click();
		profile.findElement(By.cssSelector("button[type=submit]")).click();
		waitText(By.cssSelector("#profile-message.ok"), "Profile saved: Grace Hopper, marketing accepted.");
		assertThat(text("consent-updated")).isNotEqualTo("never");
		Instant consentShown = Instant.parse(text("consent-updated"));
		Map<String, Object> stored = this.jdbc.queryForMap("select u.first_name, u.last_name, p.marketing_consent, "
				+ "p.marketing_consent_updated_at from myuser_user u join myuser_profile p on p.user_id = u.id "
				+ "where u.email = ?", email);
		assertThat(stored.get("FIRST_NAME")).isEqualTo("Grace");
		assertThat(stored.get("LAST_NAME")).isEqualTo("Hopper");
		assertThat(stored.get("MARKETING_CONSENT")).isEqualTo(true);
		assertThat(instant(stored.get("MARKETING_CONSENT_UPDATED_AT"))).isEqualTo(consentShown);
		screenshot("profile-saved");

		// 5. Sessions: a second device signs in; the page lists it and revokes it.
		String otherRefresh = login(email, PASSWORD, "DemoPageBrowserTests other device").get("refresh");
		browser.findElement(By.id("sessions-refresh")).click();
		new WebDriverWait(browser, UI)
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sessions-list tr.session"), 2));
		assertThat(text("sessions-list")).contains("DemoPageBrowserTests other device");
		screenshot("sessions-two");
		browser.findElement(By.cssSelector("#sessions-list button.revoke")).click();
		waitText(By.cssSelector("#sessions-message.ok"), "Session revoked");
		new WebDriverWait(browser, UI)
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sessions-list tr.session"), 1));
		assertThat(text("sessions-list")).doesNotContain("DemoPageBrowserTests other device").contains("this page");
		assertThat(this.jdbc.queryForObject("select revoked_at from myuser_user_session where user_agent = ?",
				Timestamp.class, "DemoPageBrowserTests other device")).isNotNull();
		assertThat(post("/api/auth/token/refresh/", Map.of("refresh", otherRefresh), null).status())
			.as("the revoked session's refresh token")
			.isEqualTo(401);
		assertThat(liveSessions(email)).isEqualTo(1);
		screenshot("session-revoked");

		// 6. Export: the page follows the job, finds the link in the dev mailbox, and the browser downloads it.
		browser.findElement(By.id("export-request")).click();
		new WebDriverWait(browser, JOBS).until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
		assertThat(text("export-state")).isEqualTo("COMPLETED");
		assertThat(text("export-message")).contains("Export ready");
		String downloadLink = browser.findElement(By.id("export-download")).getDomProperty("href");
		assertThat(downloadLink).startsWith(BASE + "/api/auth/data-export/download/");
		screenshot("export-ready");
		browser.findElement(By.id("export-download")).click();
		Path archive = new WebDriverWait(browser, UI).until((driver) -> downloaded().orElse(null));
		assertThat(archive.getFileName().toString()).startsWith("data-export-").endsWith(".zip");
		JsonNode userInfo = JSON.readTree(zipEntry(archive, "user_info.json"));
		assertThat(userInfo.get("email").asString()).isEqualTo(email);
		assertThat(userInfo.get("first_name").asString()).isEqualTo("Grace");
		assertThat(this.jdbc.queryForObject("select f.download_count from myuser_data_export_file f join myuser_user u "
				+ "on u.id = f.user_id where u.email = ?", Integer.class, email)).isEqualTo(1);
		screenshot("export-downloaded");

		// 7. Deletion: refused without the right password (the field error is shown), then scheduled, then
		// withdrawn.
		WebElement deletion = browser.findElement(By.id("delete-form"));
		type(deletion, "password", "not the password either");
		deletion.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.cssSelector("#delete-message.error li[data-field=password]"));
		assertThat(text("delete-message")).contains("Your password was entered incorrectly.");
		assertThat(dataRequests(email, "DELETE")).isZero();
		screenshot("deletion-refused");
		type(deletion, "password", PASSWORD);
		deletion.findElement(By.cssSelector("button[type=submit]")).click();
		waitText(By.id("delete-state"), "PENDING");
		assertThat(browser.findElement(By.id("delete-scheduled")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("delete-withdraw")).isDisplayed()).isTrue();
		Map<String, Object> request = this.jdbc.queryForMap("select r.status, r.scheduled_for from myuser_data_request r "
				+ "join myuser_user u on u.id = r.user_id where u.email = ? and r.request_type = 'DELETE'", email);
		assertThat(request.get("STATUS")).isEqualTo("PENDING");
		assertThat(Instant.parse(text("delete-scheduled-for"))).isEqualTo(instant(request.get("SCHEDULED_FOR")));
		assertThat(text("delete-message")).contains("will be erased on " + text("delete-scheduled-for"));
		new WebDriverWait(browser, JOBS).until(ExpectedConditions.visibilityOfElementLocated(By.id("delete-cancel-link")));
		assertThat(browser.findElement(By.id("delete-cancel-link")).getDomProperty("href"))
			.startsWith(BASE + "/api/auth/pages/cancel-deletion?token=");
		screenshot("deletion-scheduled");
		browser.findElement(By.id("delete-withdraw")).click();
		waitText(By.id("delete-state"), "CANCELLED");
		assertThat(browser.findElement(By.id("delete-withdraw")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("delete-email-link")).isDisplayed()).isFalse();
		assertThat(this.jdbc.queryForObject("select r.status from myuser_data_request r join myuser_user u "
				+ "on u.id = r.user_id where u.email = ? and r.request_type = 'DELETE'", String.class, email))
			.isEqualTo("CANCELLED");
		screenshot("deletion-withdrawn");

		// 8. Sign out: the page's session ends on the server.
		browser.findElement(By.id("logout-button")).click();
		waitText(By.cssSelector("#logout-message.ok"), "Signed out " + email);
		waitText(By.id("who"), "Not signed in.");
		assertThat(browser.findElement(By.id("account")).isDisplayed()).isFalse();
		assertThat(liveSessions(email)).isZero();
		screenshot("signed-out");
	}

	/** Reload the mailbox page until a link containing a text shows up. */
	private static WebElement untilInMailbox(WebDriver browser, String linkContains) {
		return new WebDriverWait(browser, JOBS).pollingEvery(Duration.ofMillis(250)).until((driver) -> {
			driver.navigate().refresh();
			List<WebElement> links = driver.findElements(By.cssSelector("#mails a[href*='" + linkContains + "']"));
			return links.isEmpty() ? null : links.get(0);
		});
	}

	private static void type(WebElement form, String name, String value) {
		WebElement field = form.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	private static String text(String id) {
		return chromium.driver().findElement(By.id(id)).getText();
	}

	private static void waitText(By element, String text) {
		new WebDriverWait(chromium.driver(), UI).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	private static void waitFor(By element) {
		new WebDriverWait(chromium.driver(), UI).until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	private void screenshot(String step) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((TakesScreenshot) chromium.driver()).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++this.shot, step)), png);
	}

	/** The archive the browser finished downloading, if any yet (Chromium writes {@code .crdownload} first). */
	private static Optional<Path> downloaded() {
		try (Stream<Path> files = Files.list(chromium.downloads())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".zip")).findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String zipEntry(Path archive, String name) throws IOException {
		try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError(name + " is not in " + archive);
	}

	private int userCount(String email) {
		return this.jdbc.queryForObject("select count(*) from myuser_user where email = ?", Integer.class, email);
	}

	private int liveSessions(String email) {
		return this.jdbc.queryForObject("select count(*) from myuser_user_session s join myuser_user u on "
				+ "u.id = s.user_id where u.email = ? and s.revoked_at is null", Integer.class, email);
	}

	private int dataRequests(String email, String type) {
		return this.jdbc.queryForObject("select count(*) from myuser_data_request r join myuser_user u on "
				+ "u.id = r.user_id where u.email = ? and r.request_type = ?", Integer.class, email, type);
	}

	private static Instant instant(Object value) {
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((Timestamp) value).toInstant();
	}

	/** Sign in over the API, as another device would. */
	private static Map<String, String> login(String email, String password, String userAgent) {
		HttpResult result = post("/api/auth/token/", Map.of("email", email, "password", password), userAgent);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return Map.of("access", result.json().get("access").asString(), "refresh",
				result.json().get("refresh").asString());
	}

	private static HttpResult post(String path, Map<String, String> body, String userAgent) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (userAgent != null) {
			request.header("User-Agent", userAgent);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new HttpResult(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
