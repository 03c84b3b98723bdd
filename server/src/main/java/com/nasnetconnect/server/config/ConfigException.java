package com.nasnetconnect.server.config;

/** A configuration problem; the message is one line that names the key, the bad value and its origin. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
