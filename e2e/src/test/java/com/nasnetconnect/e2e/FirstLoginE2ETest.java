package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With no NNC_ADMIN_PASSWORD the server generates the first admin's password, prints it once, and the first
 * sign-in must replace it before anything else is reachable.
 */
@Timeout(120)
class FirstLoginE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of("NNC_ADMIN_PASSWORD", ""));
        Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    void aGeneratedPasswordMustBeChangedAtFirstSignIn() throws Exception {
        Matcher m = Pattern.compile("created the admin user 'admin' with the password (\\S+)").matcher(server.output());
        assertThat(m.find()).as(server.output()).isTrue();
        String generated = m.group(1);

        open(server.baseUrl() + "/");
        Browser.signIn("admin", generated);
        $("#new-password").shouldBe(visible);

        open(server.baseUrl() + "/");   // nothing else is reachable yet
        $("vaadin-login-form").shouldBe(visible);
        Browser.signIn("admin", generated);

        $("#current-password input").setValue(generated);
        $("#new-password input").setValue("a-new-Password-2026");
        $("#new-password-again input").setValue("a-new-Password-2026");
        $("#save-password").click();
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"));
    }
}
