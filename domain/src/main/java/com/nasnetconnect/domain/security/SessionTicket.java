package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.time.Instant;

/**
 * A newly opened session: the token goes into the session cookie and is never shown again (only its hash is
 * stored). {@code expiresAt} is the absolute limit; the session also ends after the idle timeout.
 */
public record SessionTicket(Secret token, Principal principal, Instant expiresAt) {}
