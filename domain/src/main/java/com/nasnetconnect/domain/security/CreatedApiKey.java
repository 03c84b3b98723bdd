package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

/** A new API key: the only time its token is available. Show it once; it cannot be recovered. */
public record CreatedApiKey(ApiKeyInfo info, Secret token) {}
