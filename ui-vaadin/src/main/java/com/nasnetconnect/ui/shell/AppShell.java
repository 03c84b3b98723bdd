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
 *
 * <p>Connection honesty: while the browser has no working connection to the server (Vaadin's connection state
 * is reconnecting or lost, or the browser went offline) the page's root element carries
 * {@code data-nnc-connection="lost"}. The style sheet then shows the "no connection" banner and stops showing
 * live values (a router's "Online") as if they were current; they come back with the connection.
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
        settings.addInlineWithContents(CONNECTION_WATCH, com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }

    /**
     * Marks the page while the connection to the server is lost; see the class comment. Three signals, the first
     * to fire wins: the push WebSocket closing (at once when the server goes away; Vaadin itself only notices at
     * its next reconnect attempt, seconds later), Vaadin's connection state, and the browser's offline event.
     * While lost, a click on an in-app link loads the page for real, so the service worker can show the offline
     * page instead of a screen that waits for a server that is not there.
     */
    static final String CONNECTION_WATCH = """
            (function () {
              var root = document.documentElement;
              var pushClosed = false;
              var leaving = false;
              function lost() {
                var s = window.Vaadin && window.Vaadin.connectionState;
                var state = s ? s.state : 'connected';
                return navigator.onLine === false || pushClosed || state === 'reconnecting' || state === 'connection-lost';
              }
              function mark() {
                if (lost()) root.setAttribute('data-nnc-connection', 'lost');
                else root.removeAttribute('data-nnc-connection');
              }
              var NativeWebSocket = window.WebSocket;
              if (NativeWebSocket) {
                var Watched = function (url, protocols) {
                  var ws = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
                  if (String(url).indexOf('/VAADIN/push') >= 0) {
                    // only a socket that was open counts: one that never opens means push fell back to long polling
                    var opened = false;
                    ws.addEventListener('open', function () { opened = true; pushClosed = false; mark(); });
                    ws.addEventListener('close', function () { if (opened && !leaving) { pushClosed = true; mark(); } });
                  }
                  return ws;
                };
                Watched.prototype = NativeWebSocket.prototype;
                ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Watched[k] = NativeWebSocket[k]; });
                window.WebSocket = Watched;
              }
              window.addEventListener('pagehide', function () { leaving = true; });
              window.addEventListener('pageshow', function () { leaving = false; });
              window.addEventListener('online', mark);
              window.addEventListener('offline', mark);
              window.addEventListener('load', function () {
                var s = window.Vaadin && window.Vaadin.connectionState;
                if (s) s.addStateChangeListener(mark);
                mark();
              });
              window.addEventListener('click', function (e) {
                if (!lost() || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
                var path = e.composedPath ? e.composedPath() : [e.target];
                for (var i = 0; i < path.length; i++) {
                  var a = path[i];
                  if (a && a.tagName === 'A' && a.href && a.origin === location.origin) {
                    e.preventDefault();
                    e.stopImmediatePropagation();
                    location.assign(a.href);
                    return;
                  }
                }
              }, true);
            })();""";

}
