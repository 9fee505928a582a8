package io.myuser.profile;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import io.myuser.support.persistence.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * The profile of a user: marketing consent and the time it last changed. One per user.
 */
@Entity
@Table(name = "myuser_profile")
@SQLRestriction("deleted_at is null")
public class Profile extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "marketing_consent", nullable = false)
	private boolean marketingConsent;

	@Column(name = "marketing_consent_updated_at")
	private @Nullable Instant marketingConsentUpdatedAt;

	protected Profile() {
		this.userId = new UUID(0, 0);
	}

	Profile(UUID userId) {
		this.userId = userId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public boolean isMarketingConsent() {
		return this.marketingConsent;
	}

	public @Nullable Instant getMarketingConsentUpdatedAt() {
		return this.marketingConsentUpdatedAt;
	}

	/**
	 * Set the marketing consent; the timestamp moves only when the value changes, and is kept as it is stored (to
	 * the microsecond), so the answer of the change shows what later reads show.
	 * @param consent the new value
	 * @param now the time of the change
	 * @return whether the value changed
	 */
	boolean changeMarketingConsent(boolean consent, Instant now) {
		if (this.marketingConsent == consent) {
			return false;
		}
		this.marketingConsent = consent;
		this.marketingConsentUpdatedAt = StoredTime.of(now);
		return true;
	}

}
