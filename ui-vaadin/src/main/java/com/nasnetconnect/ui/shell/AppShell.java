package com.nasnetconnect.ui.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view lives in: Lumo theme, server push (WebSocket, falling back to long polling), and the
 * installable-PWA wiring (manifest, icons, theme colour, service worker registration). The manifest, icons,
 * service worker and offline page are served by the front door, not by Vaadin, so they work while Vaadin is
 * busy or down.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/nnc.css")
@Push
@Viewport("width=device-width, initial-scale=1, viewport-fit=cover")
public class AppShell implements AppShellConfigurator {
    public static final String THEME_COLOR = "#0b5cad";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("NasNetConnect");
        settings.addLink("manifest", "/manifest.webmanifest");
        settings.addLink("icon", "/icons/icon-192.png");
        settings.addLink("apple-touch-icon", "/icons/icon-192.png");
        settings.addMetaTag("theme-color", THEME_COLOR);
        settings.addMetaTag("mobile-web-app-capable", "yes");
        settings.addInlineWithContents(
                "if ('serviceWorker' in navigator) { window.addEventListener('load', function () {"
                        + " navigator.serviceWorker.register('/sw.js', {scope: '/'}); }); }",
                com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }
}
