package com.nasnetconnect.server;

/** The server cannot start; the message is one line naming the problem (port in use, unwritable directory…). */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
