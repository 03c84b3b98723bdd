package com.nasnetconnect.routeros.sim;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * /container: add starts a simulated image pull ("extracting"), which ends in "stopped" after the state's pull
 * delay; start and stop move between "stopped" and "running".
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
                item.props.put("tag", image == null ? "" : image);
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
            String id = item.id;
            s.log("container,info", "pulling image " + item.get("tag"));
            s.timers().schedule(() -> {
                synchronized (s) {
                    Item current = s.table("/container").find(id);
                    if (current != null && "extracting".equals(current.get("status"))) {
                        Item next = current.copy();
                        next.props.put("status", "stopped");
                        s.replace("/container", next, null);
                        s.log("container,info", "import successful, container " + current.get("name"));
                    }
                }
            }, s.pullDelayMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("running", Boolean.toString("running".equals(item.get("status"))));
        }
    };
}
