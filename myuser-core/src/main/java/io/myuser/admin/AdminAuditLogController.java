package io.myuser.admin;

import io.myuser.audit.AuditLogController.AuditLogPageResponse;
import io.myuser.audit.AuditLogQuery;
import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code admin/users/{id}/audit-logs/}: any account's audit trail, with the filters and cursor paging of
 * {@code audit-logs/}. Only there when the audit log is on.
 */
@MyUserApi
@RestController
public class AdminAuditLogController {

	private final AdminService admin;

	private final AuditLogQuery.Paging paging;

	private final ClientInfoResolver clientInfoResolver;

	public AdminAuditLogController(AdminService admin, AuditLogQuery.Paging paging,
			ClientInfoResolver clientInfoResolver) {
		Assert.notNull(admin, "admin cannot be null");
		Assert.notNull(paging, "paging cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.admin = admin;
		this.paging = paging;
		this.clientInfoResolver = clientInfoResolver;
	}

	@GetMapping("/admin/users/{id}/audit-logs")
	@ProblemAnswers(403)
	public AuditLogPageResponse list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			@RequestParam(name = "event_type", required = false) @Nullable String eventType,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
		AuditLogQuery query = AuditLogQuery.parse(eventType, from, to, size, cursor, page, this.paging);
		AdminService.Admin actor = new AdminService.Admin(user.userId(), this.clientInfoResolver.resolve(request));
		String path = request.getRequestURI();
		return AuditLogPageResponse.of(this.admin.auditLog(actor, AdminController.parse(id), query), query, eventType,
				from, to, path.endsWith("/") ? path : path + "/");
	}

}
