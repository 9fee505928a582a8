package io.myuser.admin;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.myuser.account.AccountSummary;
import io.myuser.account.UserAccountService;
import io.myuser.audit.AuditLogPage;
import io.myuser.audit.AuditLogQuery;
import io.myuser.audit.AuditLogReader;
import io.myuser.gdpr.DataRequestService;
import io.myuser.gdpr.DataRequestStatus;
import io.myuser.gdpr.DataRequestView;
import io.myuser.session.SessionService;
import io.myuser.session.SessionView;
import io.myuser.social.SocialAccountService;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.util.Assert;

/**
 * What an administrator may do to accounts. Every method first checks, against the account row as it is now, that
 * the acting account is still active staff (an access token keeps its authority until it expires; a demoted or
 * deactivated administrator is refused at once), and audits what it did as {@link AdminActionPerformed}.
 */
public class AdminService {

	private static final Set<DataRequestStatus> OPEN = EnumSet.of(DataRequestStatus.PENDING,
			DataRequestStatus.PROCESSING);

	private final UserAccountService accounts;

	private final SessionService sessions;

	private final @Nullable SocialAccountService socialAccounts;

	private final @Nullable DataRequestService dataRequests;

	private final @Nullable AuditLogReader auditLogs;

	private final ApplicationEventPublisher events;

	private final AdminSettings settings;

	/**
	 * Create the service.
	 * @param accounts the accounts
	 * @param sessions the sessions
	 * @param socialAccounts the connected identities, or {@code null} when social login is off
	 * @param dataRequests the data requests, or {@code null} when the GDPR feature is off
	 * @param auditLogs the audit trail, or {@code null} when the audit log is off
	 * @param events where the admin actions are published
	 * @param settings how the API behaves
	 */
	public AdminService(UserAccountService accounts, SessionService sessions,
			@Nullable SocialAccountService socialAccounts, @Nullable DataRequestService dataRequests,
			@Nullable AuditLogReader auditLogs, ApplicationEventPublisher events, AdminSettings settings) {
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.accounts = accounts;
		this.sessions = sessions;
		this.socialAccounts = socialAccounts;
		this.dataRequests = dataRequests;
		this.auditLogs = auditLogs;
		this.events = events;
		this.settings = settings;
	}

	public AdminSettings settings() {
		return this.settings;
	}

	/**
	 * Find live accounts by the start of their address, in address order.
	 * @param admin who asks
	 * @param emailPrefix the start of the address, empty for all
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the page
	 */
	public Page<AccountSummary> search(Admin admin, String emailPrefix, int page, int size) {
		requireStaff(admin);
		Page<AccountSummary> found = this.accounts.searchByEmailPrefix(emailPrefix, page, size);
		// On the administrator's own trail: the prefix and the accounts found are other people's data.
		audit(admin, admin.id(), AdminActionPerformed.SEARCH_USERS, Map.of("results", found.getTotalElements()));
		return found;
	}

	/**
	 * Read one account with its live sessions, connected identities and open data requests.
	 * @param admin who asks
	 * @param userId the account
	 * @return the account
	 */
	public AdminUserView user(Admin admin, UUID userId) {
		requireStaff(admin);
		AccountSummary account = this.accounts.findSummary(userId).orElseThrow(AdminRefusals::userNotFound);
		List<SessionView> live = this.sessions.liveSessionViews(userId);
		List<SocialAccountService.ConnectedAccount> identities = (this.socialAccounts != null)
				? this.socialAccounts.list(userId) : List.of();
		List<DataRequestView> open = (this.dataRequests != null) ? this.dataRequests.list(userId)
			.stream()
			.filter((request) -> OPEN.contains(request.getStatus()))
			.map(DataRequestView::of)
			.toList() : List.of();
		audit(admin, userId, AdminActionPerformed.VIEW_USER, Map.of());
		return new AdminUserView(account, live, identities, open);
	}

	/**
	 * Deactivate an account: it can no longer log in, and its sessions end in the same transaction.
	 * @param admin who asks
	 * @param userId the account, not the administrator's own
	 * @return the account as it is now
	 */
	public AccountSummary deactivate(Admin admin, UUID userId) {
		requireStaff(admin);
		if (userId.equals(admin.id())) {
			throw AdminRefusals.ownAccount();
		}
		return setActive(admin, userId, false, AdminActionPerformed.DEACTIVATE);
	}

	/**
	 * Reactivate an account: it may log in again (its ended sessions stay ended).
	 * @param admin who asks
	 * @param userId the account
	 * @return the account as it is now
	 */
	public AccountSummary reactivate(Admin admin, UUID userId) {
		requireStaff(admin);
		return setActive(admin, userId, true, AdminActionPerformed.REACTIVATE);
	}

	/**
	 * End every session of an account at once (its refresh tokens stop working and its access tokens are
	 * refused).
	 * @param admin who asks
	 * @param userId the account
	 * @return how many sessions ended
	 */
	public int endSessions(Admin admin, UUID userId) {
		requireStaff(admin);
		requireAccount(userId);
		int ended = this.sessions.revokeAllForUser(userId, SessionService.REASON_ADMIN, admin.client());
		audit(admin, userId, AdminActionPerformed.END_SESSIONS, Map.of("sessions_ended", ended));
		return ended;
	}

	/**
	 * Send the verification mail to an unverified, active account again.
	 * @param admin who asks
	 * @param userId the account
	 * @param locale the language of the mail
	 */
	public void resendVerification(Admin admin, UUID userId, Locale locale) {
		requireStaff(admin);
		Duration interval = this.settings.verificationEmailInterval();
		if (!this.accounts.offerVerificationEmail(userId, locale, interval)) {
			AccountSummary account = this.accounts.findSummary(userId).orElseThrow(AdminRefusals::userNotFound);
			if (account.emailVerified()) {
				throw AdminRefusals.alreadyVerified();
			}
			if (!account.active()) {
				throw AdminRefusals.inactive();
			}
			throw AdminRefusals.verificationEmailSentRecently(interval);
		}
		audit(admin, userId, AdminActionPerformed.RESEND_VERIFICATION, Map.of());
	}

	/**
	 * Read a page of any account's audit trail, erased accounts' pseudonymised rows included.
	 * @param admin who asks
	 * @param userId the account
	 * @param query the filters and the page
	 * @return the page
	 */
	public AuditLogPage auditLog(Admin admin, UUID userId, AuditLogQuery query) {
		requireStaff(admin);
		if (this.auditLogs == null) {
			throw new IllegalStateException("The audit log is off");
		}
		AuditLogPage page = this.auditLogs.read(userId, query);
		audit(admin, userId, AdminActionPerformed.READ_AUDIT_LOG, Map.of());
		return page;
	}

	private AccountSummary setActive(Admin admin, UUID userId, boolean active, String action) {
		if (!this.accounts.setActive(userId, active)) {
			throw AdminRefusals.userNotFound();
		}
		audit(admin, userId, action, Map.of());
		return this.accounts.findSummary(userId).orElseThrow(AdminRefusals::userNotFound);
	}

	private void requireAccount(UUID userId) {
		if (this.accounts.findSummary(userId).isEmpty()) {
			throw AdminRefusals.userNotFound();
		}
	}

	private void requireStaff(Admin admin) {
		Assert.notNull(admin, "admin cannot be null");
		if (!this.accounts.isActiveStaff(admin.id())) {
			throw AdminRefusals.notStaff();
		}
	}

	private void audit(Admin admin, UUID userId, String action, Map<String, Object> details) {
		this.events.publishEvent(new AdminActionPerformed(userId, admin.id(), action, details, admin.client()));
	}

	/**
	 * Who acts.
	 *
	 * @param id the administrator's account
	 * @param client where they act from
	 */
	public record Admin(UUID id, ClientInfo client) {

		public Admin {
			Assert.notNull(id, "id cannot be null");
			Assert.notNull(client, "client cannot be null");
		}

	}

}
