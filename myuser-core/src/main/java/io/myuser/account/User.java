package io.myuser.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A user account. The email is unique, compared case-insensitively, among live users: the canonical form in
 * {@code email_canonical} carries the unique index and is cleared when the account is soft-deleted, so the address
 * can register again.
 */
@Entity
@Table(name = "myuser_user")
@SQLRestriction("deleted_at is null")
public class User extends BaseEntity {

	/** Longest email address accepted (RFC 5321 path limit). */
	public static final int EMAIL_MAX_LENGTH = 254;

	/** Longest first or last name accepted. */
	public static final int NAME_MAX_LENGTH = 150;

	@Column(name = "email", nullable = false, length = EMAIL_MAX_LENGTH)
	private String email;

	@Column(name = "email_canonical", length = EMAIL_MAX_LENGTH)
	private @Nullable String emailCanonical;

	@Column(name = "password_hash", length = 255)
	private @Nullable String passwordHash;

	@Column(name = "first_name", nullable = false, length = NAME_MAX_LENGTH)
	private String firstName;

	@Column(name = "last_name", nullable = false, length = NAME_MAX_LENGTH)
	private String lastName;

	@Column(name = "active", nullable = false)
	private boolean active;

	@Column(name = "email_verified", nullable = false)
	private boolean emailVerified;

	@Column(name = "staff", nullable = false)
	private boolean staff;

	@Column(name = "last_login")
	private @Nullable Instant lastLogin;

	@Column(name = "date_joined", nullable = false)
	private Instant dateJoined;

	@Column(name = "verification_requested_at")
	private @Nullable Instant verificationRequestedAt;

	protected User() {
		this.email = "";
		this.firstName = "";
		this.lastName = "";
		this.dateJoined = Instant.EPOCH;
	}

	User(String email, @Nullable String passwordHash, String firstName, String lastName, Instant dateJoined) {
		Assert.hasText(email, "email cannot be empty");
		this.email = EmailAddresses.normalize(email);
		this.emailCanonical = EmailAddresses.canonicalize(email);
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
		this.active = true;
		this.dateJoined = dateJoined;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean hasUsablePassword() {
		return this.passwordHash != null;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isEmailVerified() {
		return this.emailVerified;
	}

	public boolean isStaff() {
		return this.staff;
	}

	public @Nullable Instant getLastLogin() {
		return this.lastLogin;
	}

	public Instant getDateJoined() {
		return this.dateJoined;
	}

	public @Nullable Instant getVerificationRequestedAt() {
		return this.verificationRequestedAt;
	}

	void markVerificationRequested(Instant now) {
		this.verificationRequestedAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	void changePasswordHash(@Nullable String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void recordLogin(Instant now) {
		this.lastLogin = now.truncatedTo(ChronoUnit.MICROS);
	}

	public void rename(String firstName, String lastName) {
		Assert.notNull(firstName, "firstName cannot be null");
		Assert.notNull(lastName, "lastName cannot be null");
		this.firstName = firstName;
		this.lastName = lastName;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	void setEmailVerified(boolean emailVerified) {
		this.emailVerified = emailVerified;
	}

	void setStaff(boolean staff) {
		this.staff = staff;
	}

	/**
	 * Erase the personal data of the account and soft-delete it: the address is replaced by a placeholder that
	 * names no one (so it can register again), names, password and last login are cleared.
	 * @param now the time of erasure
	 */
	void erase(Instant now) {
		this.email = "erased-" + getId() + "@erased.invalid";
		this.firstName = "";
		this.lastName = "";
		this.passwordHash = null;
		this.lastLogin = null;
		this.verificationRequestedAt = null;
		this.emailVerified = false;
		this.staff = false;
		softDelete(now);
	}

	@Override
	public void softDelete(Instant now) {
		super.softDelete(now);
		this.emailCanonical = null;
		this.active = false;
	}

}
