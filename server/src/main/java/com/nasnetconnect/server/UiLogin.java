package com.nasnetconnect.server;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.ui.login.LoginHandler;
import java.util.Optional;

/**
 * The UI's sign-in over the domain's authenticator and sessions: refusals become empty results; a successful
 * login opens a domain session (idle and absolute timeouts, log out everywhere) unless the password must
 * change first.
 */
final class UiLogin implements LoginHandler {
    private final Authenticator authenticator;
    private final Sessions sessions;
    private final String cookieName;

    UiLogin(Authenticator authenticator, Sessions sessions, String cookieName) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.cookieName = cookieName;
    }

    @Override
    public Optional<String> sessionCookieName() {
        return Optional.of(cookieName);
    }

    @Override
    public Optional<SignedIn> login(String username, Secret password, String source) {
        try {
            return Optional.of(signedIn(authenticator.login(username, password, source), source));
        } catch (AuthenticationFailedException refused) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SignedIn> changePassword(String username, Secret current, Secret next, String source) {
        try {
            return Optional.of(signedIn(authenticator.changePassword(username, current, next, source), source));
        } catch (AuthenticationFailedException refused) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Principal> resume(Secret sessionToken) {
        return sessions.resolve(sessionToken.reveal());
    }

    @Override
    public void logout(Secret sessionToken) {
        sessions.close(sessionToken.reveal());
    }

    private SignedIn signedIn(Login login, String source) {
        if (login.mustChangePassword()) return new SignedIn(login.principal(), true, Optional.empty());
        return new SignedIn(login.principal(), false, Optional.of(sessions.open(login, source).token()));
    }
}
