package com.nasnetconnect.ui.account;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.ui.admin.Display;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user's own account, without Vaadin: change the password, and log out everywhere. Both end every
 * session of the user, this one included ({@link Authenticator#changePassword} does so by contract), so the
 * resulting state says {@code signedOut} and the view sends the user to sign in again.
 */
public final class AccountController extends HeadlessController<AccountController.State> {

    /** @param signedOut every session of the user has ended: the view must sign this one out too */
    public record State(String user, String role, Optional<Notice> notice, boolean signedOut) {
        public State {
            Objects.requireNonNull(notice, "notice");
        }
    }

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final Principal actor;
    private final String source;

    /** @param source the client's address, for rate limiting and the audit trail */
    public AccountController(Authenticator authenticator, Sessions sessions, Principal actor, String source) {
        Objects.requireNonNull(actor, "actor");
        super(new State(actor.name(), Display.role(actor.role()), Optional.empty(), false));
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.source = Objects.requireNonNullElse(source, "");
        if (actor.apiKey()) throw new IllegalArgumentException("API key '" + actor.name() + "' has no account page");
    }

    /**
     * Changes the own password after checking the current one. A wrong current password gets the same refusal as
     * a wrong sign-in (and counts toward the same lockout).
     */
    public void changePassword(Secret current, Secret next, Secret nextAgain) {
        if (next == null || nextAgain == null || !next.equals(nextAgain)) {
            publish(Notice.error("The two new passwords differ"), false);
            return;
        }
        try {
            authenticator.changePassword(actor.name(), current == null ? Secret.of("") : current, next, source);
            publish(Notice.success("Password changed. Every session of yours has ended, this one too: sign in with the new password."), true);
        } catch (AuthenticationFailedException refused) {
            publish(Notice.error("Password not changed: the current password was refused"), false);
        } catch (RuntimeException e) {
            publish(Notice.refusal(e), false);
        }
    }

    /** Ends every session of the signed-in user, this one included. */
    public void logOutEverywhere() {
        try {
            int n = sessions.closeAll(actor, actor.name());
            publish(Notice.success("Signed out everywhere: " + n + (n == 1 ? " session" : " sessions") + " ended."), true);
        } catch (RuntimeException e) {
            publish(Notice.refusal(e), false);
        }
    }

    private void publish(Notice notice, boolean signedOut) {
        update(s -> new State(s.user(), s.role(), Optional.of(notice), signedOut || s.signedOut()));
    }
}
