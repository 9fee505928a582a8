package io.myuser.sample.gdpr;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.gdpr.export.ExportStorage;
import io.myuser.gdpr.export.FileSystemExportStorage;

/**
 * A host's {@link ExportStorage} bean (it replaces MyUser's default): the file system storage, with faults a test
 * can switch on. A write fault breaks an upload after some bytes, like a worker dying mid-export; in "crash" mode
 * the broken upload is also never cleaned up, as a killed process would leave it. A delete fault makes deleting a
 * given key fail a number of times.
 */
public final class FaultInjectingExportStorage implements ExportStorage {

	private final FileSystemExportStorage delegate;

	private final AtomicInteger writeFaults = new AtomicInteger();

	private volatile long faultAfterBytes = 1;

	private volatile boolean crash;

	private final Map<String, AtomicInteger> deleteFaults = new ConcurrentHashMap<>();

	private final AtomicInteger uploads = new AtomicInteger();

	private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

	public FaultInjectingExportStorage(Path directory) {
		this.delegate = new FileSystemExportStorage(directory);
	}

	public Path directory() {
		return this.delegate.getDirectory();
	}

	/** Break the next {@code times} uploads after {@code afterBytes} bytes; {@code crash} leaves their parts. */
	public void failUploads(int times, long afterBytes, boolean crash) {
		this.faultAfterBytes = afterBytes;
		this.crash = crash;
		this.writeFaults.set(times);
	}

	/** Make deleting {@code key} fail the next {@code times} times. */
	public void failDeletes(String key, int times) {
		this.deleteFaults.put(key, new AtomicInteger(times));
	}

	/** How many uploads were started. */
	public int uploads() {
		return this.uploads.get();
	}

	/** Make the next uploads wait before they start writing, until {@link #release()}. */
	public void holdUploads() {
		this.hold = new java.util.concurrent.CountDownLatch(1);
	}

	/** Let held uploads go on. */
	public void release() {
		this.hold.countDown();
	}

	public void reset() {
		this.writeFaults.set(0);
		this.deleteFaults.clear();
		release();
	}

	@Override
	public Upload create(String key) throws IOException {
		this.uploads.incrementAndGet();
		try {
			if (!this.hold.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new IOException("held upload was never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		Upload upload = this.delegate.create(key);
		if (this.writeFaults.getAndUpdate((n) -> Math.max(0, n - 1)) <= 0) {
			return upload;
		}
		long limit = this.faultAfterBytes;
		boolean crashing = this.crash;
		OutputStream breaking = new FilterOutputStream(upload.stream()) {

			private long written;

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				if (this.written + length > limit) {
					this.out.flush();
					throw new IOException("injected fault after " + this.written + " bytes");
				}
				this.written += length;
				this.out.write(bytes, offset, length);
			}

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

		};
		return new Upload() {

			@Override
			public OutputStream stream() {
				return breaking;
			}

			@Override
			public long commit() throws IOException {
				return upload.commit();
			}

			@Override
			public void close() throws IOException {
				if (!crashing) {
					upload.close();
				}
			}

		};
	}

	@Override
	public InputStream open(String key) throws IOException {
		return this.delegate.open(key);
	}

	@Override
	public boolean delete(String key) throws IOException {
		AtomicInteger faults = this.deleteFaults.get(key);
		if (faults != null && faults.getAndDecrement() > 0) {
			throw new IOException("injected delete fault for " + key);
		}
		return this.delegate.delete(key);
	}

}
