package com.nasnetconnect.domain.factory;

import java.util.List;
import java.util.Objects;

/**
 * An install as a client asks for it ({@code InstallServiceInput}), before anything is checked: the
 * {@link ServiceFactory} names what is wrong with it.
 *
 * @param options in the order given; a key given twice is refused
 */
public record InstallRequest(String template, String name, List<OptionValue> options) {
    public InstallRequest {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }

    /** One option as given ({@code OptionValue}). */
    public record OptionValue(String key, String value) {
        public OptionValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value of " + key);
        }

        @Override
        public String toString() {
            return key + "=(" + value.length() + " characters)";
        }
    }

    public static InstallRequest of(String template, String name, String... keyValues) {
        var options = new java.util.ArrayList<OptionValue>();
        for (int i = 0; i < keyValues.length; i += 2) options.add(new OptionValue(keyValues[i], keyValues[i + 1]));
        return new InstallRequest(template, name, options);
    }
}
