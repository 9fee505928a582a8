package io.myuser.support.persistence;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.TimeOrderedUuids;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;
import org.springframework.util.Assert;

/**
 * Base of every MyUser entity: a time-ordered UUID assigned by the application when the object is created (so it
 * is known before the insert and can travel in events), creation and modification times stamped from the
 * application's {@link java.time.Clock} by {@link EntityTimestampsListener}, and a soft-delete time.
 * <p>
 * A version column guards every row against lost updates; {@code docs/concurrency.md} tells, per table, how
 * concurrent writers are ordered.
 * <p>
 * Each entity declares {@code @SQLRestriction("deleted_at is null")}, so ordinary queries never see soft-deleted
 * rows; repositories reach them on purpose through native queries named {@code ...IncludingDeleted}.
 */
@MappedSuperclass
@EntityListeners(EntityTimestampsListener.class)
public abstract class BaseEntity implements Persistable<UUID> {

	@Id
	@Column(name = "id", nullable = false, updatable = false)
	private UUID id = TimeOrderedUuids.next();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	/**
	 * Raised by every write of the row, checked by every write of the entity: an entity read before another
	 * transaction changed its row cannot be written back over that change (Hibernate refuses with an optimistic
	 * locking failure, which MyUser's services retry). Single-statement updates raise it too.
	 */
	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Transient
	private boolean persisted;

	protected BaseEntity() {
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * Return the version of the row this entity was read from (or last wrote).
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	public @Nullable Instant getDeletedAt() {
		return this.deletedAt;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * Mark this row as deleted. Subclasses extend this to free unique values or erase personal data.
	 * @param now the deletion time
	 */
	public void softDelete(Instant now) {
		Assert.notNull(now, "now cannot be null");
		if (this.deletedAt == null) {
			this.deletedAt = now;
		}
	}

	@Override
	public boolean isNew() {
		return !this.persisted;
	}

	@PostLoad
	@PostPersist
	void markPersisted() {
		this.persisted = true;
	}

	void stampCreated(Instant now) {
		this.createdAt = now;
		this.updatedAt = now;
	}

	void stampUpdated(Instant now) {
		this.updatedAt = now;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || !getClass().equals(other.getClass())) {
			return false;
		}
		return this.id.equals(((BaseEntity) other).id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.id + "]";
	}

}
