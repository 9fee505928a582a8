package io.myuser.sample.bench;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves the classes compiled from {@code src/test} (the tests' own configurations) out of the sample's component
 * scan, as the test framework does for its contexts. The benchmark drivers run from the test classes and register
 * it as a singleton before the context refreshes.
 */
final class ExcludeTestClasses extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
		return reader.getResource().getURL().toString().contains("/test-classes/");
	}

	@Override
	public boolean equals(Object other) {
		return other == this;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

}
