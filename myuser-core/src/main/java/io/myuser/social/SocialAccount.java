package io.myuser.social;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.myuser.social.provider.SocialIdentity;
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

	@Column(name = "email_verified", nullable = false)
	private boolean emailVerified;

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
		this.dateJoined = dateJoined.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A new row connecting a proved identity to an account.
	 * @param userId the account
	 * @param identity the identity
	 * @param now when it is connected
	 * @return the row, not yet stored
	 */
	static SocialAccount connected(UUID userId, SocialIdentity identity, Instant now) {
		SocialAccount account = new SocialAccount(userId, identity.provider(), identity.uid(), identity.email(), now);
		account.update(identity.email(), identity.emailVerified(), identity.avatarUrl(), identity.profileUrl(), null);
		return account;
	}

	/**
	 * Keep what the provider said this time: the address and whether it is verified, the picture and the profile
	 * page (each cut to its column), and when the identity was used.
	 * @param email the address, if any
	 * @param emailVerified whether the provider asserts it
	 * @param avatarUrl the picture, if any
	 * @param profileUrl the profile page, if any
	 * @param now when the identity was used, or {@code null} when it was only connected
	 */
	void update(@Nullable String email, boolean emailVerified, @Nullable String avatarUrl,
			@Nullable String profileUrl, @Nullable Instant now) {
		this.email = (email != null && email.length() <= 254) ? email : null;
		this.emailVerified = emailVerified && this.email != null;
		this.avatarUrl = url(avatarUrl);
		this.profileUrl = url(profileUrl);
		if (now != null) {
			this.lastLogin = now.truncatedTo(ChronoUnit.MICROS);
		}
	}

	private static @Nullable String url(@Nullable String url) {
		return (url != null && url.length() <= 1024 && (url.startsWith("https://") || url.startsWith("http://")))
				? url : null;
	}

	public boolean isEmailVerified() {
		return this.emailVerified;
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
