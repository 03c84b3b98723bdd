package com.nasnetconnect.ui.shell;

import com.nasnetconnect.domain.security.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role for which a {@code @Menu} screen is listed in the navigation; screens without it are listed for
 * everyone signed in. Only the menu reads it: the domain in-ports refuse what the role may not do whichever way
 * the screen is reached (an address typed by hand shows the refusal).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuRole {
    Role value();
}
