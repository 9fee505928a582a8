package io.myuser.sample;

import java.util.Map;

import io.myuser.security.AuthenticatedUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's own endpoints: one open, one for users holding a MyUser access token. They do the same work, so a
 * benchmark can compare them to measure what authentication costs. The root URL is the demo page
 * ({@code static/index.html}).
 */
@RestController
class GreetingController {

	@GetMapping("/public/greeting")
	Map<String, String> publicGreeting() {
		return Map.of("greeting", "Hello, guest");
	}

	@GetMapping("/api/greeting")
	Map<String, String> greeting(@AuthenticationPrincipal AuthenticatedUser user) {
		return Map.of("greeting", "Hello, " + user.userId());
	}

}
