package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.factory.ContainerSpec;
import com.nasnetconnect.domain.factory.GatewayMechanism;
import com.nasnetconnect.domain.factory.OptionRule;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import com.nasnetconnect.domain.factory.TemplateOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service catalog file a repository may carry beside its releases (named in {@code targets.json}):
 * <pre>{"templates": [{"id", "name", "description", "gateway": "SOCKS_TUN|WIREGUARD|DNS", "interfacePrefix",
 *   "containers": [{"role": "SERVICE|GATEWAY", "image": "name:tag", "environment": [{"key", "value"}], "command"}],
 *   "options": [{"key", "label", "description", "rule": "COUNTRY|HOST|PORT|TEXT|SECRET_TEXT|WG_QUICK",
 *                "required": true, "default": "…"}]}]}</pre>
 * Each template is checked as the factory checks its own ({@link ServiceTemplate}'s rules).
 */
public final class ServiceCatalogFile {
    private ServiceCatalogFile() {
    }

    /** @throws MetadataRefused naming the template and what is wrong with it */
    @SuppressWarnings("unchecked")
    public static List<ServiceTemplate> parse(String fileName, byte[] bytes) {
        String where = fileName;
        try {
            Map<String, Object> top = CanonicalJson.parseObject(bytes);
            if (!(top.get("templates") instanceof List<?> list)) throw new IllegalArgumentException("it has no \"templates\" list");
            List<ServiceTemplate> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> raw)) throw new IllegalArgumentException("a template is not an object");
                Map<String, Object> t = (Map<String, Object>) raw;
                where = fileName + ", template '" + t.get("id") + "'";
                List<ContainerSpec> containers = new ArrayList<>();
                for (Map<String, Object> c : objects(t.get("containers"))) {
                    Map<String, String> env = new LinkedHashMap<>();
                    for (Map<String, Object> e : objects(c.get("environment"))) env.put(str(e, "key"), str(e, "value"));
                    containers.add(new ContainerSpec(ContainerSpec.Role.valueOf(str(c, "role")), str(c, "image"), env,
                            Optional.ofNullable((String) c.get("command"))));
                }
                List<TemplateOption> options = new ArrayList<>();
                for (Map<String, Object> p : objects(t.get("options"))) {
                    options.add(new TemplateOption(str(p, "key"), str(p, "label"), str(p, "description"), OptionRule.valueOf(str(p, "rule")),
                            Boolean.TRUE.equals(p.get("required")), Optional.ofNullable((String) p.get("default"))));
                }
                out.add(new ServiceTemplate(str(t, "id"), str(t, "name"), str(t, "description"), containers, options,
                        GatewayMechanism.valueOf(str(t, "gateway")), str(t, "interfacePrefix")));
            }
            return out;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new MetadataRefused(where + " is not a valid service catalog: " + e.getMessage());
        }
    }

    /** The file's JSON for templates (what {@code release publish --catalog} writes). */
    public static Map<String, Object> json(List<ServiceTemplate> templates) {
        List<Object> list = new ArrayList<>();
        for (ServiceTemplate t : templates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("description", t.description());
            m.put("gateway", t.gateway().name());
            m.put("interfacePrefix", t.interfacePrefix());
            m.put("containers", t.containers().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("role", c.role().name());
                cm.put("image", c.image());
                cm.put("environment", c.environment().entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
                c.command().ifPresent(cmd -> cm.put("command", cmd));
                return cm;
            }).toList());
            m.put("options", t.options().stream().map(o -> {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("key", o.key());
                om.put("label", o.label());
                om.put("description", o.description());
                om.put("rule", o.rule().name());
                om.put("required", o.required());
                o.defaultValue().ifPresent(d -> om.put("default", d));
                return om;
            }).toList());
            list.add(m);
        }
        return Map.of("templates", list);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object v) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw new IllegalArgumentException("expected a list, found " + CanonicalJson.kind(v));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("expected an object, found " + CanonicalJson.kind(o));
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    private static String str(Map<String, Object> m, String key) {
        return SignedMetadata.string(m, key);
    }
}
