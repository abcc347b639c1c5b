package com.lesa.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lesa.api.config.AuthMode;
import com.lesa.api.config.AuthSettings;
import com.lesa.api.config.ServiceSettings;
import com.lesa.api.web.ProblemWriter;
import com.lesa.api.web.Refusals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Caller authentication by {@code AUTH_MODE}, with Spring Security: only the token and dispatch endpoints are
 * protected, the session is stateless, and Spring Security's own CORS, CSRF (no cookies here) and header writers are
 * off, since the HTTP edge already does those.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * No Micrometer observation around each security filter and authorization: on every request they cost more than
	 * the filters themselves (a timer looked up per filter), and {@code http.server.requests} already times requests.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthSettings auth, ServiceSettings service,
			ProblemWriter problems, Refusals refusals) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.cors((cors) -> cors.disable())
			.headers((headers) -> headers.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			// Stateless: no session is created, read or tracked. The authentication a filter finds lives in the
			// request alone. Spring's session management filters (a session-fixation check and a wrapper that keeps
			// session ids out of URLs) and its servlet API wrapper (getUserPrincipal and the like, which nothing
			// here calls) would only cost every request, 3% of its CPU samples (bench/profile.sh).
			.sessionManagement((session) -> session.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.servletApi((api) -> api.disable());
		if (auth.mode() == AuthMode.NONE) {
			if (service.environment().isProduction()) {
				log.warn("AUTH_MODE=none in production: anyone who reaches this service can mint tokens for any "
						+ "identity and dispatch agents. Set AUTH_MODE=api_key or jwt.");
			}
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems, refusals);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(ProtectedPaths.MATCHER)
			.authenticated()
			.anyRequest()
			.permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint));
		if (auth.mode() == AuthMode.API_KEY) {
			http.addFilterBefore(new ApiKeyAuthenticationFilter(new ApiKeys(auth.apiKeyHashes()), entryPoint),
					AuthorizationFilter.class);
		}
		else {
			http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(jwtDecoder(auth)))
				.bearerTokenResolver(protectedPathsOnly())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint));
		}
		return http.build();
	}

	/** Credentials are read on the protected endpoints only: elsewhere a stale header must not turn into a 401. */
	private static BearerTokenResolver protectedPathsOnly() {
		DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
		return (request) -> ProtectedPaths.matches(request) ? header.resolve(request) : null;
	}

	/**
	 * Validates callers' JWTs: signature by a key of the identity provider's JWK set, one of the allowed asymmetric
	 * algorithms, {@code exp}/{@code nbf} (60 s skew), the issuer when configured, and one of the audiences. Built on
	 * first use, so start-up does not depend on the identity provider being reachable.
	 */
	static JwtDecoder jwtDecoder(AuthSettings auth) {
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = ((auth.jwtJwkSetUri() != null)
					? NimbusJwtDecoder.withJwkSetUri(auth.jwtJwkSetUri().toString())
					: NimbusJwtDecoder.withIssuerLocation(auth.jwtIssuerUri().toString()))
				.jwsAlgorithms((algorithms) -> auth.jwtAlgorithms()
					.forEach((name) -> algorithms.add(SignatureAlgorithm.from(name.trim()))))
				.build();
			decoder.setJwtValidator(validator(auth));
			return decoder;
		});
	}

	private static OAuth2TokenValidator<Jwt> validator(AuthSettings auth) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
		if (auth.jwtIssuerUri() != null) {
			validators.add(new JwtIssuerValidator(auth.jwtIssuerUri().toString()));
		}
		List<String> audiences = auth.jwtAudiences().stream().map(String::trim).toList();
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains)));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}
