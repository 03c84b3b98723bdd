package com.nasnetconnect.domain.router;

/**
 * A router did not do what was asked. Subtypes say why; every one names the command it was answering.
 * Messages never contain secrets (commands print masked).
 */
public sealed class RouterException extends RuntimeException
        permits RouterException.Trap, RouterException.Timeout, RouterException.Unreachable,
                RouterException.Protocol, RouterException.LoginFailed {

    private final String command;

    RouterException(String message, String command, Throwable cause) {
        super(message + (command == null ? "" : " [command: " + command + "]"), cause);
        this.command = command;
    }

    /** The command that failed, as {@link RouterCommand#toString()} prints it; null when none was running. */
    public String command() {
        return command;
    }

    /** The router refused the command with {@code !trap}. Category is RouterOS's number (0..7), -1 when absent. */
    public static final class Trap extends RouterException {
        private final int category;
        private final String routerMessage;

        public Trap(int category, String routerMessage, String command) {
            super("router refused: " + routerMessage, command, null);
            this.category = category;
            this.routerMessage = routerMessage;
        }

        public int category() { return category; }
        public String routerMessage() { return routerMessage; }
    }

    /** No complete answer within the deadline. */
    public static final class Timeout extends RouterException {
        public Timeout(String message, String command) { super(message, command, null); }
    }

    /** The router could not be reached, or the connection dropped. */
    public static final class Unreachable extends RouterException {
        public Unreachable(String message, String command, Throwable cause) { super(message, command, cause); }
    }

    /** The router answered something that is not valid API protocol, or {@code !fatal}. */
    public static final class Protocol extends RouterException {
        public Protocol(String message, String command, Throwable cause) { super(message, command, cause); }
    }

    /** The router rejected the login. Deliberately says nothing about which part was wrong. */
    public static final class LoginFailed extends RouterException {
        public LoginFailed(String address) { super("login to " + address + " failed", null, null); }
    }
}
