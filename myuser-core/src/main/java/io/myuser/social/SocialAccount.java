package io.myuser.social;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * An account at a social provider (Google, GitHub, Facebook) connected to a user. The provider's user id is
 * unique per provider. No provider tokens or raw provider payloads are kept.
 */
@Entity
@Table(name = "myuser_social_account")
@SQLRestriction("deleted_at is null")
public class SocialAccount extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "provider", nullable = false, updatable = false, length = 32)
	private String provider;

	@Column(name = "uid", nullable = false, updatable = false, length = 255)
	private String uid;

	@Column(name = "email", length = 254)
	private @Nullable String email;

	@Column(name = "avatar_url", length = 1024)
	private @Nullable String avatarUrl;

	@Column(name = "profile_url", length = 1024)
	private @Nullable String profileUrl;

	@Column(name = "date_joined", nullable = false)
	private Instant dateJoined;

	@Column(name = "last_login")
	private @Nullable Instant lastLogin;

	protected SocialAccount() {
		this.userId = new UUID(0, 0);
		this.provider = "";
		this.uid = "";
		this.dateJoined = Instant.EPOCH;
	}

	public SocialAccount(UUID userId, String provider, String uid, @Nullable String email, Instant dateJoined) {
		this.userId = userId;
		this.provider = provider;
		this.uid = uid;
		this.email = email;
		this.dateJoined = dateJoined;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getUid() {
		return this.uid;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getAvatarUrl() {
		return this.avatarUrl;
	}

	public @Nullable String getProfileUrl() {
		return this.profileUrl;
	}

	public Instant getDateJoined() {
		return this.dateJoined;
	}

	public @Nullable Instant getLastLogin() {
		return this.lastLogin;
	}

}
