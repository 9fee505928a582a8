package io.myuser.admin;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.myuser.account.AccountSummary;
import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.Detail;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.PathIds;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code admin/users/}: staff find accounts by the start of their address; {@code admin/users/{id}/}: one
 * account with its sessions, identities and open data requests; and the actions on it: {@code deactivate/},
 * {@code reactivate/}, ending its {@code sessions/}, and sending its {@code verification-email/} again.
 */
@MyUserApi
@RestController
public class AdminController {

	private final AdminService admin;

	private final ClientInfoResolver clientInfoResolver;

	public AdminController(AdminService admin, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(admin, "admin cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.admin = admin;
		this.clientInfoResolver = clientInfoResolver;
	}

	@GetMapping("/admin/users")
	@ProblemAnswers(403)
	public AdminUserPage search(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size, HttpServletRequest request) {
		AdminUserQuery query = AdminUserQuery.parse(email, page, size, this.admin.settings());
		Page<AccountSummary> found = this.admin.search(actor(user, request), query.email(), query.page() - 1,
				query.size());
		String path = request.getRequestURI();
		return AdminUserPage.of(found, query, path.endsWith("/") ? path : path + "/");
	}

	@GetMapping("/admin/users/{id}")
	@ProblemAnswers(403)
	public AdminUserView user(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		return this.admin.user(actor(user, request), parse(id));
	}

	@PostMapping("/admin/users/{id}/deactivate")
	@ProblemAnswers({ 403, 409 })
	public AccountSummary deactivate(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		return this.admin.deactivate(actor(user, request), parse(id));
	}

	@PostMapping("/admin/users/{id}/reactivate")
	@ProblemAnswers(403)
	public AccountSummary reactivate(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		return this.admin.reactivate(actor(user, request), parse(id));
	}

	@DeleteMapping("/admin/users/{id}/sessions")
	@ProblemAnswers(403)
	public EndedSessions endSessions(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		return new EndedSessions(this.admin.endSessions(actor(user, request), parse(id)));
	}

	@PostMapping("/admin/users/{id}/verification-email")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@ProblemAnswers({ 403, 409, 429 })
	public Detail resendVerification(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			Locale locale, HttpServletRequest request) {
		this.admin.resendVerification(actor(user, request), parse(id), locale);
		return new Detail("Verification email sent.");
	}

	private AdminService.Admin actor(AuthenticatedUser user, HttpServletRequest request) {
		return new AdminService.Admin(user.userId(), this.clientInfoResolver.resolve(request));
	}

	static UUID parse(String id) {
		return PathIds.parse(id).orElseThrow(AdminRefusals::userNotFound);
	}

	/**
	 * The answer of ending an account's sessions.
	 *
	 * @param ended how many sessions ended
	 */
	public record EndedSessions(int ended) {

	}

	/**
	 * A page of {@code admin/users/}.
	 *
	 * @param paging how the list is paged: always {@code page}
	 * @param page this page's number, from 1
	 * @param size the page size
	 * @param count how many accounts match
	 * @param next the path and query of the next page, or {@code null} on the last page
	 * @param previous the path and query of the previous page, or {@code null} on the first
	 * @param results the accounts, in address order
	 */
	public record AdminUserPage(String paging, int page, int size, long count, @Nullable String next,
			@Nullable String previous, List<AccountSummary> results) {

		static AdminUserPage of(Page<AccountSummary> found, AdminUserQuery query, String path) {
			String next = found.hasNext() ? link(path, query, query.page() + 1) : null;
			String previous = (query.page() > 1) ? link(path, query, query.page() - 1) : null;
			return new AdminUserPage("page", query.page(), query.size(), found.getTotalElements(), next, previous,
					found.getContent());
		}

		private static String link(String path, AdminUserQuery query, int page) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
			if (!query.email().isEmpty()) {
				link.queryParam("email", query.email());
			}
			return link.queryParam("page", page).queryParam("size", query.size()).encode().build().toUriString();
		}

	}

}
