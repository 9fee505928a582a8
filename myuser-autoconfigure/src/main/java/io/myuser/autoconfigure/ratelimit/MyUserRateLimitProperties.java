package io.myuser.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limiting properties: which store keeps the budgets, what happens while it is down, and the limit of each
 * scope, written like {@code 10/min}, {@code 5/hour}, {@code 2/day} or {@code 5/15m}.
 */
@ConfigurationProperties("myuser.rate-limit")
@Validated
public class MyUserRateLimitProperties {

	/**
	 * Whether MyUser limits the rate of its sensitive endpoints.
	 */
	private boolean enabled = true;

	/**
	 * Where the budgets are kept: memory (this node only), jdbc (the application's PostgreSQL database, shared by
	 * every node) or redis (the host's Redis, through spring.data.redis.*, shared by every node).
	 */
	@NotNull
	private Store store = Store.MEMORY;

	/**
	 * Whether requests go through unlimited while the store cannot be reached (logged and counted); when false
	 * they are refused with 503 until it is back.
	 */
	private boolean failOpen = true;

	/**
	 * Whether answers of limited endpoints carry the RateLimit-Policy and RateLimit headers of the IETF httpapi
	 * draft. A refused request always carries Retry-After.
	 */
	private boolean exposeHeaders = false;

	/**
	 * Secret of the keyed hash that turns addresses and IPs into keys, at least 32 characters, the same on every
	 * node. Defaults to one derived from myuser.token.signing.secret; with neither, a memory store uses a random
	 * one and the shared stores refuse to start.
	 */
	@Size(min = 32, message = "must be at least 32 characters")
	private @Nullable String keySecret;

	@Valid
	private final Memory memory = new Memory();

	@Valid
	private final Jdbc jdbc = new Jdbc();

	@Valid
	private final Redis redis = new Redis();

	@Valid
	private final Scopes scopes = new Scopes();

	@Valid
	private final BruteForce bruteForce = new BruteForce();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public boolean isFailOpen() {
		return this.failOpen;
	}

	public void setFailOpen(boolean failOpen) {
		this.failOpen = failOpen;
	}

	public boolean isExposeHeaders() {
		return this.exposeHeaders;
	}

	public void setExposeHeaders(boolean exposeHeaders) {
		this.exposeHeaders = exposeHeaders;
	}

	public @Nullable String getKeySecret() {
		return this.keySecret;
	}

	public void setKeySecret(@Nullable String keySecret) {
		this.keySecret = keySecret;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Scopes getScopes() {
		return this.scopes;
	}

	public BruteForce getBruteForce() {
		return this.bruteForce;
	}

	/**
	 * Where budgets are kept.
	 */
	public enum Store {

		/** In this node's memory, bounded and expiring: each node limits on its own. */
		MEMORY,

		/** In the application's PostgreSQL database, through Bucket4j's PostgreSQL proxy manager. */
		JDBC,

		/** In the host's Redis, through Bucket4j's Lettuce proxy manager. */
		REDIS

	}

	/**
	 * The memory store.
	 */
	public static class Memory {

		/**
		 * Most budgets kept at once; beyond it, the least recently used are forgotten one by one.
		 */
		@Min(1000)
		private long maximumKeys = 200_000;

		public long getMaximumKeys() {
			return this.maximumKeys;
		}

		public void setMaximumKeys(long maximumKeys) {
			this.maximumKeys = maximumKeys;
		}

	}

	/**
	 * The PostgreSQL store.
	 */
	public static class Jdbc {

		/**
		 * Table of the budgets, created by MyUser's migrations.
		 */
		@NotBlank
		@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,62}", message = "must be a plain table name")
		private String table = "myuser_rate_limit_bucket";

		/**
		 * Most expired budgets one run of the clean-up job deletes in one statement.
		 */
		@Min(1)
		private int cleanupBatchSize = 1000;

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public int getCleanupBatchSize() {
			return this.cleanupBatchSize;
		}

		public void setCleanupBatchSize(int cleanupBatchSize) {
			this.cleanupBatchSize = cleanupBatchSize;
		}

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of MyUser's keys in Redis; each key expires once its budget would be whole again.
		 */
		@NotBlank
		private String keyPrefix = "myuser:rate-limit:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * Growing waits after wrong passwords, always temporary, that no one can use to lock the owner out.
	 */
	public static class BruteForce {

		/**
		 * Whether wrong passwords make further logins wait.
		 */
		private boolean enabled = true;

		/**
		 * Wrong passwords one client IP may enter for one address before each further one makes it wait.
		 */
		@Min(1)
		private int freeFailures = 5;

		/**
		 * Wrong passwords an address may receive, from all client IPs it never logged in from together, before
		 * each further one makes them wait. Clients the account logged in from recently never wait for these.
		 */
		@Min(1)
		private int freeFailuresPerAddress = 20;

		/**
		 * The first wait; each further wrong password doubles it.
		 */
		@DurationMin(seconds = 1)
		private Duration firstWait = Duration.ofMinutes(1);

		/**
		 * The longest wait.
		 */
		@DurationMin(seconds = 1)
		@DurationMax(days = 366)
		private Duration maxWait = Duration.ofHours(1);

		/**
		 * How long wrong passwords are counted, from the first of them; then they are forgotten.
		 */
		@DurationMin(seconds = 1)
		@DurationMax(days = 366)
		private Duration memory = Duration.ofDays(1);

		/**
		 * How recent a login from a client IP must be for the IP to count as the owner's.
		 */
		@DurationMin(seconds = 0)
		private Duration knownClientWindow = Duration.ofDays(30);

		/**
		 * Whether the owner of an account is told by email when its logins are first slowed down.
		 */
		private boolean alertOwner = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getFreeFailures() {
			return this.freeFailures;
		}

		public void setFreeFailures(int freeFailures) {
			this.freeFailures = freeFailures;
		}

		public int getFreeFailuresPerAddress() {
			return this.freeFailuresPerAddress;
		}

		public void setFreeFailuresPerAddress(int freeFailuresPerAddress) {
			this.freeFailuresPerAddress = freeFailuresPerAddress;
		}

		public Duration getFirstWait() {
			return this.firstWait;
		}

		public void setFirstWait(Duration firstWait) {
			this.firstWait = firstWait;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Duration getMemory() {
			return this.memory;
		}

		public void setMemory(Duration memory) {
			this.memory = memory;
		}

		public Duration getKnownClientWindow() {
			return this.knownClientWindow;
		}

		public void setKnownClientWindow(Duration knownClientWindow) {
			this.knownClientWindow = knownClientWindow;
		}

		public boolean isAlertOwner() {
			return this.alertOwner;
		}

		public void setAlertOwner(boolean alertOwner) {
			this.alertOwner = alertOwner;
		}

		@AssertTrue(message = "max-wait must be at least first-wait")
		boolean isMaxWaitAtLeastFirstWait() {
			return this.firstWait == null || this.maxWait == null || this.maxWait.compareTo(this.firstWait) >= 0;
		}

	}

	/**
	 * The limit of each scope.
	 */
	public static class Scopes {

	@Valid
	private final Login login = new Login();

	@Valid
	private final PasswordReset passwordReset = new PasswordReset();

	@Valid
	private final Registration registration = new Registration();

	@Valid
	private final ResendEmail resendEmail = new ResendEmail();

	@Valid
	private final DataRequest dataRequest = new DataRequest();

	@Valid
	private final ProfileUpdate profileUpdate = new ProfileUpdate();

	@Valid
	private final PasswordChange passwordChange = new PasswordChange();

	@Valid
	private final TokenRefresh tokenRefresh = new TokenRefresh();

	@Valid
	private final Social social = new Social();

	public Login getLogin() {
		return this.login;
	}

	public PasswordReset getPasswordReset() {
		return this.passwordReset;
	}

	public Registration getRegistration() {
		return this.registration;
	}

	public ResendEmail getResendEmail() {
		return this.resendEmail;
	}

	public DataRequest getDataRequest() {
		return this.dataRequest;
	}

	public ProfileUpdate getProfileUpdate() {
		return this.profileUpdate;
	}

	public PasswordChange getPasswordChange() {
		return this.passwordChange;
	}

	public TokenRefresh getTokenRefresh() {
		return this.tokenRefresh;
	}

	public Social getSocial() {
		return this.social;
	}

		/**
		 * Return every scope's limit, by scope name.
		 * @return the limits
		 */
		public Map<String, RateLimit> limits() {
			Map<String, RateLimit> limits = new LinkedHashMap<>();
			limits.put(RateLimitScopes.LOGIN_PER_IP, RateLimit.parse(this.login.getPerIp()));
			limits.put(RateLimitScopes.LOGIN_PER_ACCOUNT, RateLimit.parse(this.login.getPerAccount()));
			limits.put(RateLimitScopes.PASSWORD_RESET_PER_IP, RateLimit.parse(this.passwordReset.getPerIp()));
			limits.put(RateLimitScopes.PASSWORD_RESET_PER_ADDRESS, RateLimit.parse(this.passwordReset.getPerAddress()));
			limits.put(RateLimitScopes.REGISTRATION_PER_IP, RateLimit.parse(this.registration.getPerIp()));
			limits.put(RateLimitScopes.REGISTRATION_PER_ADDRESS, RateLimit.parse(this.registration.getPerAddress()));
			limits.put(RateLimitScopes.RESEND_EMAIL_PER_IP, RateLimit.parse(this.resendEmail.getPerIp()));
			limits.put(RateLimitScopes.RESEND_EMAIL_PER_ADDRESS, RateLimit.parse(this.resendEmail.getPerAddress()));
			limits.put(RateLimitScopes.DATA_REQUEST_PER_USER, RateLimit.parse(this.dataRequest.getPerUser()));
			limits.put(RateLimitScopes.PROFILE_UPDATE_PER_USER, RateLimit.parse(this.profileUpdate.getPerUser()));
			limits.put(RateLimitScopes.PASSWORD_CHANGE_PER_USER, RateLimit.parse(this.passwordChange.getPerUser()));
			limits.put(RateLimitScopes.TOKEN_REFRESH_PER_IP, RateLimit.parse(this.tokenRefresh.getPerIp()));
			limits.put(RateLimitScopes.SOCIAL_PER_IP, RateLimit.parse(this.social.getPerIp()));
			return limits;
		}

		/**
		 * Login attempts, spent by every attempt before the password is checked, right or wrong.
		 */
		public static class Login {

			/**
			 * Login attempts per client IP (per /64 for IPv6).
			 */
			@ValidRateLimit
			private String perIp = "10/min";

			/**
			 * Login attempts per submitted address, whether an account has it or not. A client IP from which the account logged in before has a budget of its own, so a flood from elsewhere does not lock the owner out.
			 */
			@ValidRateLimit
			private String perAccount = "10/min";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

			public String getPerAccount() {
				return this.perAccount;
			}

			public void setPerAccount(String perAccount) {
				this.perAccount = perAccount;
			}

		}

		/**
		 * Password reset requests, spent before the reset mail is enqueued.
		 */
		public static class PasswordReset {

			/**
			 * Password reset requests per client IP.
			 */
			@ValidRateLimit
			private String perIp = "5/hour";

			/**
			 * Password reset requests per submitted address, known or not.
			 */
			@ValidRateLimit
			private String perAddress = "3/hour";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

			public String getPerAddress() {
				return this.perAddress;
			}

			public void setPerAddress(String perAddress) {
				this.perAddress = perAddress;
			}

		}

		/**
		 * Registrations, spent before the password is hashed.
		 */
		public static class Registration {

			/**
			 * Registrations per client IP.
			 */
			@ValidRateLimit
			private String perIp = "10/hour";

			/**
			 * Registrations per submitted address, taken or not.
			 */
			@ValidRateLimit
			private String perAddress = "3/hour";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

			public String getPerAddress() {
				return this.perAddress;
			}

			public void setPerAddress(String perAddress) {
				this.perAddress = perAddress;
			}

		}

		/**
		 * Verification mails asked for again.
		 */
		public static class ResendEmail {

			/**
			 * Verification mails asked for again per client IP.
			 */
			@ValidRateLimit
			private String perIp = "10/hour";

			/**
			 * Verification mails asked for again per submitted address, known or not.
			 */
			@ValidRateLimit
			private String perAddress = "3/hour";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

			public String getPerAddress() {
				return this.perAddress;
			}

			public void setPerAddress(String perAddress) {
				this.perAddress = perAddress;
			}

		}

		/**
		 * GDPR data requests.
		 */
		public static class DataRequest {

			/**
			 * Data requests created per account, also when withdrawn afterwards; reading them spends nothing.
			 */
			@ValidRateLimit
			private String perUser = "2/day";

			public String getPerUser() {
				return this.perUser;
			}

			public void setPerUser(String perUser) {
				this.perUser = perUser;
			}

		}

		/**
		 * Profile writes.
		 */
		public static class ProfileUpdate {

			/**
			 * Profile writes (PUT and PATCH) per account; reading spends nothing.
			 */
			@ValidRateLimit
			private String perUser = "30/min";

			public String getPerUser() {
				return this.perUser;
			}

			public void setPerUser(String perUser) {
				this.perUser = perUser;
			}

		}

		/**
		 * Password changes.
		 */
		public static class PasswordChange {

			/**
			 * Password changes per account, spent by every attempt before the current password is checked, so a
			 * stolen access token cannot be used to guess the account's password.
			 */
			@ValidRateLimit
			private String perUser = "5/hour";

			public String getPerUser() {
				return this.perUser;
			}

			public void setPerUser(String perUser) {
				this.perUser = perUser;
			}

		}

		/**
		 * Token refreshes.
		 */
		public static class TokenRefresh {

			/**
			 * Token refreshes per client IP.
			 */
			@ValidRateLimit
			private String perIp = "60/min";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

		}

		/**
		 * Social logins.
		 */
		public static class Social {

			/**
			 * Social logins and connections per client IP.
			 */
			@ValidRateLimit
			private String perIp = "20/min";

			public String getPerIp() {
				return this.perIp;
			}

			public void setPerIp(String perIp) {
				this.perIp = perIp;
			}

		}

	}

}
