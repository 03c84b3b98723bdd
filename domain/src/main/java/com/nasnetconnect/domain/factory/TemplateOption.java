package com.nasnetconnect.domain.factory;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting a user gives when installing a template, e.g. Tor's {@code exitCountry}.
 *
 * @param key          the name clients send ({@code OptionValue.key})
 * @param required     an install without it is refused (unless it has a default)
 * @param defaultValue used when the option is not given
 */
public record TemplateOption(String key, String label, String description, OptionRule rule, boolean required,
                             Optional<String> defaultValue) {
    public TemplateOption {
        if (key == null || !key.matches("[a-z][A-Za-z0-9]{0,63}")) throw new IllegalArgumentException("option key must be camelCase: '" + key + "'");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(defaultValue, "defaultValue");
        defaultValue.flatMap(d -> rule.problem(key, d)).ifPresent(p -> {
            throw new IllegalArgumentException("default of option " + key + " is invalid: " + p);
        });
        if (rule.secret() && defaultValue.isPresent()) throw new IllegalArgumentException("secret option " + key + " cannot have a default");
    }
}
