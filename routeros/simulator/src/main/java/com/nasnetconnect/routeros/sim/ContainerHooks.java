package com.nasnetconnect.routeros.sim;

import java.util.Locale;
import java.util.Map;

/**
 * /container: add validates and names the container and hands it to the {@link ContainerRuntime}, which pulls
 * its image ("extracting") to "stopped" or "error"; a running container cannot be removed.
 */
final class ContainerHooks {

    private ContainerHooks() {
    }

    static final MenuSpec.Hooks CONTAINER = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            if (added) {
                String image = item.get("remote-image");
                if ((image == null || image.isEmpty()) && (item.get("file") == null || item.get("file").isEmpty())) {
                    throw ApiTrap.failure("remote-image or file must be specified");
                }
                if (item.get("name") == null || item.get("name").isEmpty()) {
                    item.props.put("name", String.format(Locale.ROOT, "%08x-%04x",
                            Math.abs((image + item.id).hashCode()), Long.parseLong(item.id.substring(1), 16)));
                }
                item.props.put("tag", image != null && !image.isEmpty() ? image : item.get("file"));
                item.props.put("os", "linux");
                item.props.put("arch", "amd64");
                item.props.put("status", "extracting");
            }
        }

        @Override
        public void beforeRemove(RouterState s, Item item) {
            if ("running".equals(item.get("status"))) {
                throw ApiTrap.failure("container is running, stop it first");
            }
        }

        @Override
        public void afterAdd(RouterState s, Item item) {
            s.containers().beginPull(item);
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("running", Boolean.toString("running".equals(item.get("status"))));
        }
    };

    /**
     * /interface/veth: the address (one or more a.b.c.d/n) and gateway are checked as RouterOS checks them, and a
     * veth gets a locally administered MAC address (7.20+ also one for the container's end).
     */
    static final MenuSpec.Hooks VETH = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            String address = item.get("address");
            if (address != null && !address.isEmpty()) {
                for (String a : address.split(",")) {
                    if (a.contains(":")) {
                        continue; // an IPv6 address: not checked
                    }
                    IpHooks.prefix(a.trim(), "address");
                }
            }
            String gateway = item.get("gateway");
            if (gateway != null && !gateway.isEmpty()) {
                IpHooks.ipv4(gateway, "gateway");
            }
            if (added) {
                long n = Long.parseLong(item.id.substring(1), 16);
                item.props.putIfAbsent("mac-address", mac(0x02, n));
                if (s.version.atLeast(7, 20)) {
                    item.props.putIfAbsent("container-mac-address", mac(0x06, n));
                }
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            InterfaceHooks.GENERAL.live(s, item, out);
        }
    };

    private static String mac(int first, long n) {
        return String.format(Locale.ROOT, "%02X:5E:0A:%02X:%02X:%02X", first, (n >> 16) & 255, (n >> 8) & 255, n & 255);
    }
}
