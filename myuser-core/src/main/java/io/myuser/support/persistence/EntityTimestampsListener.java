package io.myuser.support.persistence;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.Assert;

/**
 * Stamps {@code created_at} and {@code updated_at} from the application's {@link Clock}. Hibernate obtains this
 * listener through Spring's bean container, so the {@code Clock} bean is injected; without a container it falls
 * back to the system clock. Times are kept at microsecond precision ({@link StoredTime}), which every supported
 * database stores exactly.
 */
public class EntityTimestampsListener {

	private final Clock clock;

	public EntityTimestampsListener() {
		this(Clock.systemUTC());
	}

	@Autowired
	public EntityTimestampsListener(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@PrePersist
	void beforeInsert(Object entity) {
		if (entity instanceof BaseEntity base) {
			base.stampCreated(now());
		}
	}

	@PreUpdate
	void beforeUpdate(Object entity) {
		if (entity instanceof BaseEntity base) {
			base.stampUpdated(now());
		}
	}

	private Instant now() {
		return StoredTime.of(this.clock.instant());
	}

}
