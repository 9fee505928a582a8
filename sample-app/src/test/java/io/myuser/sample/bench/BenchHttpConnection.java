package io.myuser.sample.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive loopback connection, for the benchmark drivers: it writes a
 * request given as bytes and reads one answer (fixed length or chunked), reopening the connection when the server
 * closes it (after an answer that says so; or while it was idle, and the request is then sent once more). The same
 * thread that sends also reads, with no selector or executor between them, so a driver at low
 * parallelism measures the server rather than the client's thread hand-offs, and the client takes little of the
 * cores the server shares with it. Not thread-safe: one connection per client thread.
 */
final class BenchHttpConnection implements Closeable {

	private final int port;

	private final StringBuilder line = new StringBuilder(128);

	private byte[] body = new byte[512];

	private int length;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	BenchHttpConnection(int port) throws IOException {
		this.port = port;
		open();
	}

	/**
	 * The bytes of a request with a body, {@code Content-Length} included.
	 * @param method the method
	 * @param path the path
	 * @param contentType the body's media type
	 * @param body the body
	 * @return the request
	 */
	static byte[] request(String method, String path, String contentType, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + content.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(head, head.length + content.length);
		System.arraycopy(content, 0, request, head.length, content.length);
		return request;
	}

	private void open() throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		try {
			this.socket.setTcpNoDelay(true);
			// A server that stops answering fails the run instead of hanging it.
			this.socket.setSoTimeout(60_000);
		}
		catch (IOException ex) {
			this.socket.close();
			throw ex;
		}
		this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
		this.out = new BufferedOutputStream(this.socket.getOutputStream(), 4096);
	}

	/**
	 * Sends one request, written as the concatenation of the given parts, and reads its answer.
	 * @param parts the request's bytes
	 * @return the answer's status code
	 * @throws IOException if the connection fails or the answer cannot be read
	 */
	int exchange(byte[]... parts) throws IOException {
		String status;
		try {
			status = send(parts);
		}
		catch (EOFException ex) {
			// The server closed the idle connection before the request reached it: once more on a new one.
			close();
			open();
			status = send(parts);
		}
		if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
			throw new IOException("not an HTTP/1.1 answer: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		int contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				contentLength = Integer.parseInt(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		this.length = 0;
		if (chunked) {
			for (int size = chunkSize(readLine()); size > 0; size = chunkSize(readLine())) {
				readBody(size);
				readLine();
			}
			// Trailers, if any, then the empty line.
			while (!readLine().isEmpty()) {
				// skipped
			}
		}
		else if (contentLength > 0) {
			readBody(contentLength);
		}
		if (close) {
			close();
			open();
		}
		return code;
	}

	private String send(byte[]... parts) throws IOException {
		for (byte[] part : parts) {
			this.out.write(part);
		}
		this.out.flush();
		return readLine();
	}

	/**
	 * Whether the last answer's body holds the given bytes.
	 * @param needle the bytes
	 * @return whether they occur in the body
	 */
	boolean bodyContains(byte[] needle) {
		outer: for (int i = 0; i + needle.length <= this.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (this.body[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * The last answer's body.
	 * @return the body as UTF-8 text
	 */
	String body() {
		return new String(this.body, 0, this.length, StandardCharsets.UTF_8);
	}

	private static int chunkSize(String line) throws IOException {
		int extension = line.indexOf(';');
		try {
			return Integer.parseInt(((extension >= 0) ? line.substring(0, extension) : line).trim(), 16);
		}
		catch (NumberFormatException ex) {
			throw new IOException("not a chunk size: " + line, ex);
		}
	}

	private void readBody(int size) throws IOException {
		if (this.body.length < this.length + size) {
			this.body = Arrays.copyOf(this.body, Math.max(this.length + size, this.body.length * 2));
		}
		int done = 0;
		while (done < size) {
			int n = this.in.read(this.body, this.length + done, size - done);
			if (n < 0) {
				throw new EOFException("connection closed in an answer");
			}
			done += n;
		}
		this.length += size;
	}

	private String readLine() throws IOException {
		this.line.setLength(0);
		while (true) {
			int c = this.in.read();
			if (c < 0) {
				throw new EOFException("connection closed");
			}
			if (c == '\n') {
				int last = this.line.length() - 1;
				if (last >= 0 && this.line.charAt(last) == '\r') {
					this.line.setLength(last);
				}
				return this.line.toString();
			}
			this.line.append((char) c);
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
