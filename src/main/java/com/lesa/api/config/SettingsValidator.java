package com.lesa.api.config;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks {@link LesaSettings} with Hibernate Validator, as Spring Boot's {@code @Validated} binding would, but with a
 * validator made on a thread of its own while the rest of the service starts ({@link Starter}): working out the
 * constraints of the twelve settings records (every constructor, accessor and annotation) took ~60 ms of the main
 * thread at every start (JFR). Spring Boot uses a bean of this name for every {@code @ConfigurationProperties} class
 * it binds.
 */
final class SettingsValidator implements org.springframework.validation.Validator {

	static final String BEAN_NAME = "configurationPropertiesValidator";

	private static final Class<?>[] SETTINGS = { LesaSettings.class, ServiceSettings.class, LivekitSettings.class,
			TokenSettings.class, HttpSettings.class, HttpSettings.Cors.class, DispatchSettings.class,
			LivekitApiSettings.class, AuthSettings.class, LimitsSettings.class, RedisSettings.class,
			ServerSettings.class };

	private static CompletableFuture<Validator> validator;

	/** Starts making the validator, once; the first settings check waits for it. */
	static synchronized CompletableFuture<Validator> prepare() {
		if (validator == null) {
			validator = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					validator.complete(make());
				}
				catch (Throwable ex) {
					validator.completeExceptionally(ex);
				}
			}, "settings-validator");
			thread.setDaemon(true);
			thread.start();
		}
		return validator;
	}

	private static Validator make() {
		Validator made = Validation.byDefaultProvider()
			.configure()
			.messageInterpolator(new MessageInterpolatorFactory().getObject())
			.buildValidatorFactory()
			.getValidator();
		for (Class<?> type : SETTINGS) {
			made.getConstraintsForClass(type);
		}
		return made;
	}

	/**
	 * Starts making the validator as soon as logging is set up (Hibernate Validator logs as it starts; before that
	 * logback would print a warning that is not JSON). Registered in {@code META-INF/spring.factories}.
	 */
	static final class Starter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			prepare();
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER + 1;
		}

	}

	@Override
	public boolean supports(Class<?> type) {
		return LesaSettings.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		new SpringValidatorAdapter(prepare().join()).validate(target, errors);
	}

}
