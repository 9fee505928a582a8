package io.myuser.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.security.AuthenticatedUser;
import io.myuser.support.web.MyUserApi;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code audit-logs/}: the caller's own audit trail, newest first, a page at a time (by cursor), filtered by event
 * type and time range.
 */
@MyUserApi
@RestController
public class AuditLogController {

	private final AuditLogReader reader;

	private final AuditLogQuery.Paging paging;

	public AuditLogController(AuditLogReader reader, AuditLogQuery.Paging paging) {
		Assert.notNull(reader, "reader cannot be null");
		Assert.notNull(paging, "paging cannot be null");
		this.reader = reader;
		this.paging = paging;
	}

	@GetMapping("/audit-logs")
	public AuditLogPageResponse list(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestParam(name = "event_type", required = false) @Nullable String eventType,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
		AuditLogQuery query = AuditLogQuery.parse(eventType, from, to, size, cursor, page, this.paging);
		String path = request.getRequestURI();
		return AuditLogPageResponse.of(this.reader.read(user.userId(), query), query, eventType, from, to,
				path.endsWith("/") ? path : path + "/");
	}

	/**
	 * A page of the audit trail as {@code audit-logs/} answers it.
	 *
	 * @param paging how the list is paged: always {@code cursor}
	 * @param size the page size
	 * @param nextCursor the {@code cursor} of the next (older) page, or {@code null} on the last page
	 * @param next the path and query of the next page (the same filters), or {@code null} on the last page
	 * @param results the rows, newest first
	 */
	public record AuditLogPageResponse(String paging, int size, @JsonProperty("next_cursor") @Nullable String nextCursor,
			@Nullable String next, List<AuditLogEntry> results) {

		/**
		 * Answer a page.
		 * @param page the page read
		 * @param query what was asked
		 * @param eventType the event types as the caller named them
		 * @param from the range's start as the caller gave it
		 * @param to the range's end as the caller gave it
		 * @param path the path the list was read at
		 * @return the answer
		 */
		public static AuditLogPageResponse of(AuditLogPage page, AuditLogQuery query, @Nullable String eventType,
				@Nullable String from, @Nullable String to, String path) {
			AuditCursor next = page.next();
			if (next == null) {
				return new AuditLogPageResponse("cursor", query.size(), null, null, page.entries());
			}
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
			addIfGiven(link, "event_type", eventType);
			addIfGiven(link, "from", from);
			addIfGiven(link, "to", to);
			link.queryParam("size", query.size()).queryParam("cursor", next.encode());
			return new AuditLogPageResponse("cursor", query.size(), next.encode(), link.encode().build().toUriString(),
					page.entries());
		}

		private static void addIfGiven(UriComponentsBuilder link, String name, @Nullable String value) {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		}

	}

}
