package io.myuser.sample.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian {@code chromium} driven through its {@code chromedriver}, for a test class, registered on a
 * static field with {@code @RegisterExtension}. Each class gets a fresh profile and download directory, deleted
 * afterwards. Where either program is missing the class is skipped with a message saying how to install them,
 * except when the environment variable {@code CI} is {@code true}: there it fails, so that a CI machine without a
 * browser cannot pass by running no browser test ({@code .ci/run} installs both).
 */
public final class Chromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	private static final String INSTALL = "Debian: apt-get install chromium chromium-driver";

	/**
	 * The switches that keep a headless Chromium quiet on a closed network: without them it keeps trying to
	 * reach Google's services in the background (updates, sync, QUIC probes).
	 */
	static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=en-US");

	private Path profile;

	private Path downloads;

	private WebDriver driver;

	/** Whether this run is CI's, where a missing browser fails the tests instead of skipping them. */
	static boolean onCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * Where the browser is: on the {@code PATH}, else Debian's {@code /usr/bin/chromium}.
	 * @return the program, if installed
	 */
	static Optional<Path> browser() {
		return executable("chromium");
	}

	/**
	 * Where the browser's driver is: on the {@code PATH}, else Debian's {@code /usr/bin/chromedriver}.
	 * @return the program, if installed
	 */
	static Optional<Path> driverProgram() {
		return executable("chromedriver");
	}

	private static Optional<Path> executable(String name) {
		String path = System.getenv("PATH");
		Stream<Path> candidates = Stream.concat(
				(path != null) ? Stream.of(path.split(File.pathSeparator)).filter((dir) -> !dir.isEmpty())
					.map((dir) -> Paths.get(dir, name)) : Stream.empty(),
				Stream.of(Paths.get("/usr/bin", name)));
		return candidates.filter(Files::isExecutable).findFirst();
	}

	private static boolean installed() {
		return browser().isPresent() && driverProgram().isPresent();
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return condition(installed(), onCi());
	}

	/**
	 * Whether browser tests run: where chromium and chromedriver are installed, and under CI even where they are
	 * not (they then fail).
	 * @param installed whether both were found
	 * @param onCi whether this is CI's run
	 * @return the condition
	 */
	static ConditionEvaluationResult condition(boolean installed, boolean onCi) {
		if (installed) {
			return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
		}
		if (onCi) {
			return ConditionEvaluationResult.enabled("CI=true: the browser tests must run, and fail without chromium");
		}
		return ConditionEvaluationResult.disabled("chromium or chromedriver is not installed (not on the PATH, nor "
				+ "in /usr/bin): the browser tests are skipped. Install them (" + INSTALL + ") to run them; under "
				+ "CI=true they fail instead of skipping.");
	}

	/** Reached only when the tests run: without the programs, that is CI's run, which must fail. */
	static void requireInstalled(boolean installed) {
		if (!installed) {
			throw new IllegalStateException("CI=true and chromium or chromedriver is not installed (not on the PATH, "
					+ "nor in /usr/bin): .ci/run installs them with apt-get (" + INSTALL + "); the browser tests "
					+ "cannot be skipped on CI");
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		requireInstalled(installed());
		this.profile = Files.createTempDirectory("myuser-chromium-profile");
		this.downloads = Files.createTempDirectory("myuser-chromium-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser().get().toFile());
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + this.profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(driverProgram().get().toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			delete(this.profile);
			delete(this.downloads);
		}
	}

	/**
	 * The browser of the running test class.
	 * @return the driver
	 */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Where the browser saves downloads, without asking.
	 * @return the directory
	 */
	public Path downloads() {
		return this.downloads;
	}

	private static void delete(Path directory) {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// A temporary directory: a file the browser was still closing is left to the system's clean-up.
			System.err.println("Could not delete " + directory + ": " + ex);
		}
	}

}
