package io.myuser.sample.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A real {@code redis-server} (Debian's package), started by a test on a free loopback port, with nothing written to
 * disk ({@code --save '' --appendonly no}), and stopped by {@link #close()}. Tests reach it through
 * {@link RedisServerExtension}, which skips them where the server is not installed.
 */
public final class RedisServer implements AutoCloseable {

	private static final Path DEBIAN_PATH = Path.of("/usr/bin/redis-server");

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final Process process;

	private final int port;

	private final Path directory;

	private final Thread shutdownHook;

	private RedisServer(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
		this.shutdownHook = new Thread(process::destroyForcibly, "redis-server-" + port + "-shutdown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Where {@code redis-server} is: on the {@code PATH}, else Debian's {@code /usr/bin/redis-server}.
	 * @return the executable, or empty when it is not installed
	 */
	public static Optional<Path> executable() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(java.io.File.pathSeparator)) {
				if (directory.isEmpty()) {
					continue;
				}
				Path candidate = Path.of(directory, "redis-server");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return (Files.isRegularFile(DEBIAN_PATH) && Files.isExecutable(DEBIAN_PATH)) ? Optional.of(DEBIAN_PATH)
				: Optional.empty();
	}

	/**
	 * Starts a server on a free loopback port and waits until it answers {@code PING}.
	 * @return the running server
	 * @throws IOException if it is not installed or does not come up
	 */
	public static RedisServer start() throws IOException {
		Path executable = executable().orElseThrow(() -> new IOException("redis-server is not installed (not on "
				+ "the PATH, nor at " + DEBIAN_PATH + "): apt-get install redis-server"));
		IOException last = null;
		// A port found free can be taken by another process before the server binds it: try a few.
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				return start(executable, freePort());
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		throw last;
	}

	private static RedisServer start(Path executable, int port) throws IOException {
		Path directory = Files.createTempDirectory("redis-server-");
		Path log = directory.resolve("redis.log");
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir",
				directory.toString(), "--logfile", "", "--databases", "1"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				break;
			}
			if (answersPing(port)) {
				return new RedisServer(process, port, directory);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		process.destroyForcibly();
		String output = Files.exists(log) ? Files.readString(log) : "";
		FileSystemUtils.deleteRecursively(directory);
		throw new IOException("redis-server did not start on port " + port + " within " + STARTUP.toSeconds()
				+ " s; its output:\n" + output);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			int read = in.readNBytes(answer, 0, answer.length);
			return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The port the server listens on, on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** A Lettuce URI of the server: {@code redis://127.0.0.1:port}. */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Whether the server process is still running. */
	public boolean isRunning() {
		return this.process.isAlive();
	}

	/** Stops the server (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs anyway.
		}
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
