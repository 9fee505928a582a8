package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code data-requests/cancel/}: withdraws a pending deletion with the token of the link in the "deletion
 * scheduled" email, without signing in (the token is the credential). The link itself opens a page whose button
 * posts here, so a mail scanner that follows links withdraws nothing.
 */
@MyUserApi
@RestController
public class DeletionCancellationController {

	private final DeletionCancellation cancellation;

	private final ClientInfoResolver clientInfoResolver;

	public DeletionCancellationController(DeletionCancellation cancellation, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(cancellation, "cancellation cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.cancellation = cancellation;
		this.clientInfoResolver = clientInfoResolver;
	}

	@PostMapping(path = "/data-requests/cancel", consumes = "application/json")
	@ProblemAnswers(409)
	public Withdrawn cancel(@Valid @RequestBody CancelBody body, HttpServletRequest request) {
		DataRequest cancelled = this.cancellation.cancel(body.token(), this.clientInfoResolver.resolve(request));
		return new Withdrawn("Your account deletion is withdrawn; your account stays as it is.", cancelled.getId(),
				cancelled.getStatus(), cancelled.getProcessedAt());
	}

	/**
	 * Body of {@code POST data-requests/cancel/}.
	 *
	 * @param token the token from the link
	 */
	public record CancelBody(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 256) @CleanText String token) {

		@Override
		public String toString() {
			return "CancelBody[token=<hidden>]";
		}

	}

	/**
	 * The answer: what happened, and the request's new state. The user's notes are not shown to the holder of a
	 * link.
	 *
	 * @param detail what happened
	 * @param id the request
	 * @param status {@code CANCELLED}
	 * @param processedAt when it was withdrawn
	 */
	public record Withdrawn(String detail, UUID id, DataRequestStatus status,
			@JsonProperty("processed_at") @Nullable Instant processedAt) {
	}

}
