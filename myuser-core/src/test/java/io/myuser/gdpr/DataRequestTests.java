package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.Texts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DataRequest}.
 */
class DataRequestTests {

	private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

	@Test
	void failWhenNotesAndReasonFitThenReasonFollowsTheNotes() {
		DataRequest request = request("please hurry");
		request.startAttempt();
		request.fail("IOException: disk full", NOW);
		assertThat(request.getStatus()).isEqualTo(DataRequestStatus.FAILED);
		assertThat(request.getNotes()).isEqualTo("please hurry\nProcessing failed: IOException: disk full");
		assertThat(request.getProcessedAt()).isEqualTo(NOW);
		assertThat(request.isOpen()).isFalse();
	}

	@Test
	void failWhenTooLongThenCutToTheColumnWithoutSplittingASurrogatePair() {
		// 1979 + "\n" + "Processing failed: " puts the reason's first char at index 1999, the last one kept.
		DataRequest request = request("a".repeat(1979));
		request.startAttempt();
		request.fail("\ud83d\ude00 went wrong", NOW);
		assertThat(request.getNotes().length()).isLessThanOrEqualTo(DataRequest.NOTES_MAX_LENGTH);
		assertThat(Texts.isClean(request.getNotes(), true)).as("no unpaired surrogate").isTrue();
		assertThat(request.getNotes()).startsWith("a".repeat(1979) + "\nProcessing failed: ");
	}

	private static DataRequest request(String notes) {
		return new DataRequest(UUID.randomUUID(), DataRequestType.EXPORT, notes, NOW.plusSeconds(86_400), NOW, "en");
	}

}
