package io.myuser.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Where a page of the audit trail starts: just after (older than) the last row of the previous page, known by its
 * creation time and id. Keyset paging: a page deep into a long history costs what the first one costs, and rows
 * written while a reader pages do not shift the pages. Sent to clients as an opaque URL-safe text of 32
 * characters (not a secret: it only names a row the caller has seen).
 *
 * @param createdAt the creation time of the last row seen, to the microsecond
 * @param id the id of the last row seen
 */
public record AuditCursor(Instant createdAt, UUID id) {

	private static final int BYTES = 24;

	public AuditCursor {
		Assert.notNull(createdAt, "createdAt cannot be null");
		Assert.notNull(id, "id cannot be null");
	}

	/**
	 * Return the text form.
	 * @return the cursor as URL-safe base64, without padding
	 */
	public String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.createdAt);
		ByteBuffer buffer = ByteBuffer.allocate(BYTES)
			.putLong(micros)
			.putLong(this.id.getMostSignificantBits())
			.putLong(this.id.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * Read a cursor from its text form.
	 * @param text what a client sent
	 * @return the cursor, or empty when the text is not one
	 */
	public static Optional<AuditCursor> decode(String text) {
		if (text == null || text.length() != 32) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != BYTES) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long micros = buffer.getLong();
		// Rows are written from 1970 to 9999; anything else is not a cursor this API gave.
		if (micros < 0 || micros > 253_402_300_799_999_999L) {
			return Optional.empty();
		}
		Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
		return Optional.of(new AuditCursor(createdAt, new UUID(buffer.getLong(), buffer.getLong())));
	}

}
