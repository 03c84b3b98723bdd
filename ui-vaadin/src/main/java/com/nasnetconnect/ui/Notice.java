package com.nasnetconnect.ui;

import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import java.util.Objects;

/**
 * A message for the user about the last action: what happened, or why it did not. Built from exception messages
 * the domain writes for people (they name the bad value, never a password or key).
 */
public record Notice(Kind kind, String text) {
    public enum Kind { SUCCESS, ERROR }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static Notice success(String text) {
        return new Notice(Kind.SUCCESS, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }

    /**
     * The refusal a user sees for a failed action. Only exceptions whose messages are meant for people are
     * shown verbatim; anything else gets a generic text, so nothing unexpected reaches the screen.
     */
    public static Notice refusal(RuntimeException e) {
        return switch (e) {
            case AccessDeniedException denied -> error("Not allowed: " + denied.getMessage());
            case AuthenticationFailedException refused -> error("Refused: " + AuthenticationFailedException.MESSAGE);
            case IllegalArgumentException bad -> error(bad.getMessage());
            case IllegalStateException bad -> error(bad.getMessage());
            default -> error("The action failed (" + e.getClass().getSimpleName() + ")");
        };
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
