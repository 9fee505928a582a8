package io.myuser.sample.social.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * One stubbed provider call (sometimes two WireMock mappings, such as a JSON and a form answer to the same
 * call), which a test can turn into a fault or ask how often it was answered. The faults replace the answer for
 * every later call; {@link FakeProviders#reset()} drops them with the stub.
 */
public final class FakeStub {

	/** How much longer than the read timeout {@link #slowerThan(Duration)} waits. */
	static final Duration MARGIN = Duration.ofMillis(500);

	private final WireMockServer server;

	private final List<StubMapping> mappings;

	FakeStub(WireMockServer server, List<StubMapping> mappings) {
		Assert.notNull(server, "server must not be null");
		Assert.notEmpty(mappings, "mappings must not be empty");
		this.server = server;
		this.mappings = new ArrayList<>(mappings);
	}

	/**
	 * Answer as before, but only after a delay.
	 * @param delay how long to wait before answering
	 * @return this stub
	 */
	public FakeStub delayedBy(Duration delay) {
		Assert.isTrue(!delay.isNegative(), "delay must not be negative");
		return edit((response) -> ResponseDefinitionBuilder.like(response)
			.withFixedDelay(Math.toIntExact(delay.toMillis()))
			.build());
	}

	/**
	 * Answer only after {@code readTimeout} plus half a second, so that a client with this read timeout gives
	 * up first.
	 * @param readTimeout the client's read timeout
	 * @return this stub
	 */
	public FakeStub slowerThan(Duration readTimeout) {
		return delayedBy(readTimeout.plus(MARGIN));
	}

	/**
	 * Answer with a server error (an HTML page, as the providers' front ends send), keeping any delay.
	 * @param status a status from 500 to 599
	 * @return this stub
	 */
	public FakeStub failing(int status) {
		Assert.isTrue(status >= 500 && status <= 599, "status must be a 5xx");
		return edit((response) -> aResponse().withStatus(status)
			.withHeader("Content-Type", "text/html; charset=UTF-8")
			.withBody("<html><head><title>Error " + status + "</title></head><body>Server Error</body></html>")
			.withFixedDelay(response.getFixedDelayMilliseconds())
			.build());
	}

	/**
	 * Reset the connection instead of answering.
	 * @return this stub
	 */
	public FakeStub resettingConnection() {
		return edit((response) -> ResponseDefinitionBuilder.like(response)
			.withFault(Fault.CONNECTION_RESET_BY_PEER)
			.build());
	}

	/**
	 * The calls this stub answered, oldest first.
	 * @return the calls
	 */
	public List<FakeRequest> requests() {
		Set<UUID> ids = this.mappings.stream().map(StubMapping::getId).collect(Collectors.toSet());
		List<FakeRequest> requests = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			StubMapping mapping = event.getStubMapping();
			if (event.getWasMatched() && mapping != null && ids.contains(mapping.getId())) {
				requests.add(FakeRequest.of(event.getRequest()));
			}
		}
		Collections.reverse(requests);
		return requests;
	}

	/** How many calls this stub answered. */
	public int count() {
		return requests().size();
	}

	/** Stop answering: the call falls to the provider's refusal for an unknown token or code. */
	public void remove() {
		this.mappings.forEach((mapping) -> this.server.removeStubMapping(mapping.getId()));
	}

	private FakeStub edit(UnaryOperator<ResponseDefinition> change) {
		for (int i = 0; i < this.mappings.size(); i++) {
			StubMapping old = this.mappings.get(i);
			StubMapping edited = new StubMapping(old.getRequest(), change.apply(old.getResponse()));
			edited.setId(old.getId());
			edited.setName(old.getName());
			edited.setPriority(old.getPriority());
			this.server.editStubMapping(edited);
			this.mappings.set(i, edited);
		}
		return this;
	}

}
