package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

/**
 * The admin created at first start. When {@code generated}, print the password once (it is never shown again)
 * and tell the user it must be changed at first login.
 */
public record FirstAdmin(String name, Secret password, boolean generated) {}
