package io.myuser.sample.notes;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The host's own data: a note a user keeps. It refers to the MyUser account by id only.
 */
@Entity
@Table(name = "sample_note")
public class Note {

	@Id
	private UUID id;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(name = "text", nullable = false, length = 1000)
	private String text;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Note() {
	}

	Note(UUID ownerId, String text, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.text = text;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public String getText() {
		return this.text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
