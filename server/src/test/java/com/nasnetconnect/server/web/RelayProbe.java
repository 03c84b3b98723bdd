package com.nasnetconnect.server.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link PushRelayTest}: relays one push WebSocket both ways through a front door, so the
 * test can read which classes that loaded. Prints "relayed both ways" and exits 0 when it worked.
 */
public final class RelayProbe {
    public static void main(String[] args) throws Exception {
        try (JettyPushStandIn jetty = new JettyPushStandIn();
             RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            browser.sendText("to jetty");
            String atJetty = jetty.messages.poll(5, TimeUnit.SECONDS);
            jetty.session().send("to the browser", true);
            String atBrowser = browser.readSkippingPings().text();
            browser.sendClose(1000);
            int closed = jetty.closeCode.get(5, TimeUnit.SECONDS);
            if (!"to jetty".equals(atJetty) || !"to the browser".equals(atBrowser) || closed != 1000) {
                System.out.println("relay failed: " + atJetty + " / " + atBrowser + " / " + closed);
                System.exit(1);
            }
        }
        System.out.println("relayed both ways");
        System.exit(0);
    }
}
