package io.myuser.sample.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A host {@link PasswordEncoder} bean that counts the hashes MyUser computes and delegates them to the real
 * encoder, so a test can tell how much password work a request did (see
 * {@link CountingPasswordEncoderConfiguration}). The hashes it produced are kept, so a test can check that a
 * stored hash came from it.
 */
public final class CountingPasswordEncoder implements PasswordEncoder {

	private final AtomicInteger matches = new AtomicInteger();

	private final AtomicInteger encodes = new AtomicInteger();

	private final List<String> produced = new CopyOnWriteArrayList<>();

	private final PasswordEncoder delegate;

	public CountingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		this.encodes.incrementAndGet();
		String hash = this.delegate.encode(rawPassword);
		this.produced.add(hash);
		return hash;
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.matches.incrementAndGet();
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/** Hashes computed so far to store a password. */
	public int encodes() {
		return this.encodes.get();
	}

	/** Hashes computed so far to compare a password with a stored hash. */
	public int matches() {
		return this.matches.get();
	}

	/** Every hash computed so far, of either kind. */
	public int hashes() {
		return this.encodes.get() + this.matches.get();
	}

	/** Whether this encoder produced a hash. */
	public boolean produced(String hash) {
		return this.produced.contains(hash);
	}

}
