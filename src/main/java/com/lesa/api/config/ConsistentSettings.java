package com.lesa.api.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The rules that span several settings, including the production refusals, checked by {@link SettingsRules}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SettingsRules.class)
@interface ConsistentSettings {

	String message() default "settings are inconsistent";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
