package bench.barehost;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare host of {@code bench/startup-time.sh}: the sample app's Spring starters, an open greeting, a security
 * chain, an in-memory H2 database, and no MyUser.
 */
@SpringBootApplication
@RestController
public class BareHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareHostApplication.class, args);
	}

	@GetMapping("/public/greeting")
	Map<String, String> publicGreeting() {
		return Map.of("greeting", "Hello, guest");
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

}
