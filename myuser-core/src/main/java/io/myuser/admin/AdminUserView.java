package io.myuser.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.account.AccountSummary;
import io.myuser.gdpr.DataRequestView;
import io.myuser.session.SessionView;
import io.myuser.social.SocialAccountService.ConnectedAccount;

/**
 * One account as {@code admin/users/{id}/} shows it: the account, its live sessions, connected identities and open
 * data requests.
 *
 * @param account the account
 * @param sessions its live sessions, newest first
 * @param socialAccounts its connected identities, newest first (empty when social login is off)
 * @param dataRequests its pending or processing data requests (empty when the GDPR feature is off)
 */
public record AdminUserView(AccountSummary account, List<SessionView> sessions,
		@JsonProperty("social_accounts") List<ConnectedAccount> socialAccounts,
		@JsonProperty("data_requests") List<DataRequestView> dataRequests) {

}
