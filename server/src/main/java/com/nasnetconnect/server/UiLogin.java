package com.nasnetconnect.server;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.ui.LoginHandler;
import java.util.Optional;

/** The UI's sign-in over the domain's authenticator: refusals become empty results. */
final class UiLogin implements LoginHandler {
    private final Authenticator authenticator;

    UiLogin(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Optional<SignedIn> login(String username, Secret password, String source) {
        try {
            return Optional.of(signedIn(authenticator.login(username, password, source)));
        } catch (AuthenticationFailedException refused) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SignedIn> changePassword(String username, Secret current, Secret next, String source) {
        try {
            return Optional.of(signedIn(authenticator.changePassword(username, current, next, source)));
        } catch (AuthenticationFailedException refused) {
            return Optional.empty();
        }
    }

    private static SignedIn signedIn(Login login) {
        return new SignedIn(login.principal(), login.mustChangePassword());
    }
}
