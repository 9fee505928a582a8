package io.myuser.gdpr;

import java.util.UUID;

import io.myuser.support.SecretTokens;
import io.myuser.support.SeededRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request id that starts a deletion withdrawal token ({@link DeletionCancellation}).
 */
class DeletionCancellationTokensTests {

	@Test
	void decodeWhenTokenStartsWithAnEncodedIdThenTheIdComesBack() {
		SeededRandom random = SeededRandom.forTest("decodeWhenTokenStartsWithAnEncodedIdThenTheIdComesBack");
		for (int i = 0; i < 1000; i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			String prefix = DeletionCancellation.encode(id);
			assertThat(prefix).as(random.toString()).hasSize(22).matches("[A-Za-z0-9_-]+");
			assertThat(DeletionCancellation.decode(prefix + SecretTokens.generate())).as(random.toString())
				.contains(id);
		}
	}

	@Test
	void decodeWhenTokenIsNotOfTheShapeThenEmpty() {
		String good = DeletionCancellation.encode(UUID.randomUUID()) + SecretTokens.generate();
		for (String bad : new String[] { "", "x", good.substring(0, 53), good + "=", good.replace(good.charAt(30), '+'),
				"a".repeat(22 + 129), good.substring(0, 21) + "." + good.substring(22), " " + good.substring(1) }) {
			assertThat(DeletionCancellation.decode(bad)).as(bad).isEmpty();
		}
	}

}
