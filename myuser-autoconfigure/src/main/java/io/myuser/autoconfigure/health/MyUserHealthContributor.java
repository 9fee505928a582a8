package io.myuser.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * MyUser's health contributor, {@code myuser}: one part per feature that is on ({@code jobs}, {@code revocations},
 * {@code exports}). Closing it stops the parts' check threads.
 */
public final class MyUserHealthContributor implements CompositeHealthContributor, AutoCloseable {

	private final Map<String, TimeLimitedHealthIndicator> parts;

	MyUserHealthContributor(Map<String, TimeLimitedHealthIndicator> parts) {
		this.parts = new LinkedHashMap<>(parts);
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.parts.get(name);
	}

	@Override
	public Stream<Entry> stream() {
		return this.parts.entrySet().stream().map((part) -> new Entry(part.getKey(), part.getValue()));
	}

	@Override
	public void close() {
		this.parts.values().forEach(TimeLimitedHealthIndicator::close);
	}

}
