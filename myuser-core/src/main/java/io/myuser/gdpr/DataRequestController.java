package io.myuser.gdpr;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.AccountGoneException;
import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.InvalidInputException;
import io.myuser.support.RefusedException;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import io.myuser.support.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code data-requests/}: the caller's GDPR requests. {@code POST} makes one (an export or the deletion of the
 * account), whose processing starts by itself; a deletion needs proof of presence first
 * ({@link DeletionReauthentication}). {@code data-requests/{id}/} shows one and {@code data-requests/{id}/cancel/}
 * withdraws a deletion during its grace period. Other users' ids answer 404.
 */
@MyUserApi
@RestController
public class DataRequestController {

	private final DataRequestService requests;

	private final ClientInfoResolver clientInfoResolver;

	private final DeletionReauthentication reauthentication;

	private final RateLimits rateLimits;

	public DataRequestController(DataRequestService requests, ClientInfoResolver clientInfoResolver,
			DeletionReauthentication reauthentication, RateLimits rateLimits) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		Assert.notNull(reauthentication, "reauthentication cannot be null");
		this.requests = requests;
		this.clientInfoResolver = clientInfoResolver;
		this.reauthentication = reauthentication;
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.rateLimits = rateLimits;
	}

	@GetMapping("/data-requests")
	public List<DataRequestView> list(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.requests.list(user.userId()).stream().map(DataRequestView::of).toList();
	}

	@PostMapping(path = "/data-requests", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemAnswers({ 403, 409, 429 })
	public ResponseEntity<DataRequestView> create(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody CreateDataRequest body, Locale locale, HttpServletRequest request) {
		DataRequestType type = type(body.requestType());
		if (body.password() != null && body.password().isBlank()) {
			throw InvalidInputException.forField(DeletionReauthentication.PASSWORD_FIELD, "Must not be blank.");
		}
		// Every creation spends, also one withdrawn afterwards; before the password check of a deletion.
		this.rateLimits.spendForUser(RateLimitScopes.DATA_REQUEST_PER_USER, user.userId());
		if (type == DataRequestType.DELETE) {
			this.reauthentication.check(user.userId(), user.sessionId(), body.password());
		}
		String notes = (body.notes() != null) ? body.notes().strip() : "";
		DataRequest created = this.requests
			.create(user.userId(), type, notes, locale, this.clientInfoResolver.resolve(request))
			.orElseThrow(AccountGoneException::new);
		URI location = URI.create(request.getRequestURI().replaceAll("/+$", "") + "/" + created.getId() + "/");
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, location.toString())
			.body(DataRequestView.of(created));
	}

	@GetMapping("/data-requests/{id}")
	public DataRequestView show(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		return this.requests.find(user.userId(), parse(id))
			.map(DataRequestView::of)
			.orElseThrow(DataRequestNotFoundException::new);
	}

	@PostMapping("/data-requests/{id}/cancel")
	@ProblemAnswers(409)
	public DataRequestView cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		return this.requests.cancel(user.userId(), parse(id), this.clientInfoResolver.resolve(request))
			.map(DataRequestView::of)
			.orElseThrow(DataRequestNotFoundException::new);
	}

	private DataRequestType type(String value) {
		DataRequestType type;
		try {
			type = DataRequestType.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField("request_type", "Must be EXPORT or DELETE.");
		}
		GdprSettings settings = this.requests.settings();
		if ((type == DataRequestType.EXPORT && !settings.exportEnabled())
				|| (type == DataRequestType.DELETE && !settings.deletionEnabled())) {
			throw InvalidInputException.forField("request_type",
					"Requests of type " + type.name() + " are not offered here.");
		}
		return type;
	}

	private static UUID parse(String id) {
		return PathIds.parse(id).orElseThrow(DataRequestNotFoundException::new);
	}

	/**
	 * The caller has no request with that id (it may be another user's).
	 */
	static final class DataRequestNotFoundException extends RefusedException {

		DataRequestNotFoundException() {
			super(Reason.NOT_FOUND, "data-request-not-found", "Data request not found",
					"You have no data request with that id.");
		}

	}

}
