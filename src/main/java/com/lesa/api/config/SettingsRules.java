package com.lesa.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The one place for rules that span settings, production refusals among them. Each message names the environment
 * variable; none quotes a value, so no secret reaches the log.
 */
public class SettingsRules implements ConstraintValidator<ConsistentSettings, LesaSettings> {

	private static final Pattern ORIGIN = Pattern
		.compile("https?://(\\*\\.)?[a-z0-9_.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+](:[0-9]{1,5})?");

	private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);

	private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

	/** Public for Hibernate Validator, which makes its constraint validators itself ({@link SettingsValidator}). */
	public SettingsRules() {
	}

	@Override
	public boolean isValid(LesaSettings settings, ConstraintValidatorContext context) {
		List<String> problems = problems(settings);
		if (problems.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		problems.forEach((problem) -> context.buildConstraintViolationWithTemplate(problem).addConstraintViolation());
		return false;
	}

	static List<String> problems(LesaSettings settings) {
		List<String> problems = new ArrayList<>();
		TokenSettings token = settings.token();
		if (token != null && token.maxTtlMinutes() < token.defaultTtlMinutes()) {
			problems.add("MAX_TOKEN_TTL_MINUTES must be >= DEFAULT_TOKEN_TTL_MINUTES");
		}
		LivekitSettings livekit = settings.livekit();
		if (livekit != null) {
			checkUrl(problems, "LIVEKIT_WS_URL", livekit.wsUrl(), Set.of("ws", "wss"));
			checkUrl(problems, "LIVEKIT_URL", livekit.url(), Set.of("http", "https", "ws", "wss"));
		}
		HttpSettings http = settings.http();
		if (http != null) {
			checkEntries(problems, "TRUSTED_HOSTS", http.trustedHosts(), HostNames::isValidPattern,
					"is not a host name, *.domain or *");
			if (http.cors() != null) {
				checkEntries(problems, "CORS_ALLOW_ORIGINS", http.cors().allowOrigins(), SettingsRules::isOrigin,
						"is not * or an origin such as https://app.example.com or https://*.example.com");
			}
		}
		if (token != null && http != null
				&& http.maxRequestBodyBytes() <= token.maxMetadataBytes() + token.maxAttributesBytes()) {
			problems.add("MAX_REQUEST_BODY_BYTES must be larger than MAX_METADATA_BYTES + MAX_ATTRIBUTES_BYTES");
		}
		DispatchSettings dispatch = settings.dispatch();
		if (dispatch != null && dispatch.agentName() != null && !dispatch.agentName().isBlank()
				&& !dispatch.isAllowed(dispatch.agentName())) {
			problems.add("ALLOWED_AGENT_NAMES must include AGENT_NAME");
		}
		LivekitApiSettings api = settings.livekitApi();
		if (api != null) {
			checkTimeout(problems, "LIVEKIT_CONNECT_TIMEOUT", api.connectTimeout());
			checkTimeout(problems, "LIVEKIT_READ_TIMEOUT", api.readTimeout());
			checkTimeout(problems, "LIVEKIT_CALL_TIMEOUT", api.callTimeout());
		}
		RedisSettings redis = settings.redis();
		if (redis != null) {
			if (redis.enabled() && !redis.hasValidUrl()) {
				problems.add("REDIS_URL must be redis://[:password@]host[:port][/db] or rediss://… for TLS");
			}
			checkTimeout(problems, "REDIS_TIMEOUT", redis.timeout());
			checkTimeout(problems, "REDIS_CONNECT_TIMEOUT", redis.connectTimeout());
			checkTimeout(problems, "REDIS_RETRY_INTERVAL", redis.retryInterval());
		}
		if (token != null && token.allowedRoomPattern() != null && !token.allowedRoomPattern().isEmpty()) {
			try {
				Pattern.compile(token.allowedRoomPattern());
			}
			catch (PatternSyntaxException ex) {
				problems.add("ALLOWED_ROOM_PATTERN must be a valid regular expression");
			}
		}
		if (settings.auth() != null) {
			AuthRules.check(settings.auth(), problems);
		}
		ServerSettings server = settings.server();
		if (server != null && !server.managementOnItsOwnPort()) {
			problems.add("MANAGEMENT_PORT must be a port of its own, not PORT (0: any free port): the actuator "
					+ "(probes, info, Prometheus) is never served on the public port");
		}
		if (server != null && !server.knownForwardHeadersStrategy()) {
			problems.add("FORWARD_HEADERS_STRATEGY must be none or native");
		}
		ServiceSettings service = settings.service();
		boolean production = service != null && service.environment() != null && service.environment().isProduction();
		if (production && livekit != null) {
			checkProductionSecrets(problems, livekit);
		}
		if (production && http != null && http.cors() != null && http.cors().allowsAnyOriginWithCredentials()) {
			problems.add("CORS_ALLOW_ORIGINS=* cannot be combined with CORS_ALLOW_CREDENTIALS=true in production: "
					+ "list the origins (CORS_ALLOW_ORIGINS=https://app.example.com,https://admin.example.com) "
					+ "or set CORS_ALLOW_CREDENTIALS=false");
		}
		return problems;
	}

	private static void checkUrl(List<String> problems, String name, URI url, Set<String> schemes) {
		if (url == null) {
			return;
		}
		String scheme = url.getScheme();
		if (scheme == null || !schemes.contains(scheme.toLowerCase(java.util.Locale.ROOT)) || url.getHost() == null) {
			problems.add(name + " must be an absolute " + String.join("/", schemes.stream().sorted().toList())
					+ " URL with a host");
		}
	}

	private static void checkEntries(List<String> problems, String name, List<String> entries,
			Predicate<String> valid, String what) {
		if (entries == null) {
			return;
		}
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i) == null || !valid.test(entries.get(i))) {
				// The position, not the value: a value may hold braces that the message interpolator would evaluate.
				problems.add(name + " entry " + (i + 1) + " " + what);
			}
		}
	}

	private static boolean isOrigin(String origin) {
		if (origin.trim().equals("*")) {
			return true;
		}
		return ORIGIN.matcher(origin.trim().toLowerCase(java.util.Locale.ROOT)).matches();
	}

	private static void checkTimeout(List<String> problems, String name, Duration timeout) {
		if (timeout != null && (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0)) {
			problems.add(name + " must be between 10ms and 60s");
		}
	}

	private static void checkProductionSecrets(List<String> problems, LivekitSettings livekit) {
		if (LivekitSettings.DEV_API_KEY.equals(livekit.apiKey())) {
			problems.add("LIVEKIT_API_KEY must not be the development key in production");
		}
		if (livekit.apiSecret() == null || livekit.apiSecret().isBlank()) {
			return;
		}
		if (LivekitSettings.DEV_API_SECRET.equals(livekit.apiSecret())) {
			problems.add("LIVEKIT_API_SECRET must not be the development secret in production");
		}
		else if (livekit.hasShortSecret()) {
			problems.add("LIVEKIT_API_SECRET must be at least " + LivekitSettings.MIN_SECRET_BYTES
					+ " bytes in production");
		}
	}

}
