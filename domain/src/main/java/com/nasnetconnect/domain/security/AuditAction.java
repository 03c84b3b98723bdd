package com.nasnetconnect.domain.security;

/** What a security audit event records. Every audit event is a critical event. */
public enum AuditAction {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGOUT, LOGOUT_EVERYWHERE, PASSWORD_CHANGED,
    FIRST_ADMIN_CREATED, USER_CREATED, USER_ROLE_CHANGED, USER_PASSWORD_RESET, USER_DELETED,
    API_KEY_CREATED, API_KEY_REVOKED,
    SECRET_REVEALED, SECRET_KEY_ROTATED,
    /** An authenticated principal was refused (403): the subject says which operation or path. */
    ACCESS_DENIED
}
