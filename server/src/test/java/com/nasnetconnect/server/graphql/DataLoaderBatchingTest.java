package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.types.ServiceInstance;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A list of service instances that each ask for their policies and resources: the engine batches those per
 * request (DataLoader), so N instances cost one backend call for the policies of their router and one for all
 * their resources, not 2 N.
 */
class DataLoaderBatchingTest {
    static final Principal VIEWER = new Principal("viewer", Role.VIEWER, true);
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Object> asked = new CopyOnWriteArrayList<>();

    GraphQlEngine engine(int instances) {
        var memory = new InMemoryGraphQlBackend(Clock.systemUTC());
        List<ServiceInstance> list = IntStream.range(0, instances).mapToObj(i -> ServiceInstance.builder()
                .setId("inst-" + i).setRouterId("r1").setResourceIds(List.of("uuid-" + i + "-a", "uuid-" + i + "-b")).build()).toList();
        GraphQlBackend backend = (GraphQlBackend) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{GraphQlBackend.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "serviceInstances" -> {
                            return list;
                        }
                        case "routingPoliciesOfInstances" -> {
                            calls.add("routingPoliciesOfInstances " + args[1]);
                            asked.addAll((Collection<?>) args[2]);
                            Map<String, List<?>> out = new LinkedHashMap<>();
                            for (Object id : (Collection<?>) args[2]) out.put((String) id, List.of());
                            return out;
                        }
                        case "routingPolicies", "resourcesByUuid" -> {
                            calls.add(method.getName());
                            if (method.getName().equals("resourcesByUuid")) asked.addAll((List<?>) args[1]);
                            return List.of();
                        }
                        default -> {
                            try {
                                return method.invoke(memory, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
        SchemaDirectives directives = TestServer.directives();
        return new GraphQlEngine(directives, backend, new Redactor(directives.sensitiveFields(), (w, s, f, r, a) -> { }, Clock.systemUTC()),
                Limits.defaults());
    }

    @Test
    void tenInstancesAskingForTheirPoliciesCostOneCallForTheirRouter() {
        var result = engine(10).execute(new GraphQlEngine.Request(
                "{ serviceInstances(routerId: \"r1\") { id policies { id } } }", null, Map.of()), VIEWER);

        assertThat(result.getErrors()).isEmpty();
        assertThat(calls).containsExactly("routingPoliciesOfInstances r1");
        assertThat(asked).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "inst-" + i).toList());
    }

    @Test
    void tenInstancesAskingForTheirResourcesCostOneCallForAllTwentyUuids() {
        var result = engine(10).execute(new GraphQlEngine.Request(
                "{ serviceInstances(routerId: \"r1\") { id resources { uuid } } }", null, Map.of()), VIEWER);

        assertThat(result.getErrors()).isEmpty();
        assertThat(calls).containsExactly("resourcesByUuid");
        var expected = new ArrayList<String>();
        IntStream.range(0, 10).forEach(i -> expected.addAll(List.of("uuid-" + i + "-a", "uuid-" + i + "-b")));
        assertThat(asked).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.<Map<String, List<Map<String, Object>>>>getData().get("serviceInstances"))
                .hasSize(10).allSatisfy(i -> assertThat(i.get("resources")).isEqualTo(List.of()));
    }
}
