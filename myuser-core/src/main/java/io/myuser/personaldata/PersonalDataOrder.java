package io.myuser.personaldata;

/**
 * The order of MyUser's own {@link ExportSection}s and {@link UserDataEraser}s. They all come before a host's
 * contribution without an order ({@code Ordered.LOWEST_PRECEDENCE}); a host that wants a place between them picks
 * a value in between.
 */
public final class PersonalDataOrder {

	/** {@code user_info.json}. */
	public static final int ACCOUNT = 100;

	/** {@code profile.json}; the erasure of the profile and the consent history. */
	public static final int PROFILE = 200;

	/** {@code sessions.csv}; the erasure of the sessions' client data. */
	public static final int SESSIONS = 300;

	/** {@code audit_logs.jsonl}; the pseudonymisation of the audit rows. */
	public static final int AUDIT = 400;

	/** {@code social_accounts.json}; the deletion of the connected accounts. */
	public static final int SOCIAL = 500;

	/** {@code data_requests.json}. */
	public static final int DATA_REQUESTS = 600;

	/** {@code consent_history.csv}. */
	public static final int CONSENT = 700;

	private PersonalDataOrder() {
	}

}
