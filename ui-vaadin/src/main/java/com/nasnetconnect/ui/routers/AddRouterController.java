package com.nasnetconnect.ui.routers;

import com.nasnetconnect.domain.apply.AdoptPreview;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.NewRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.Violation;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.RouterRoutes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Headless controller of the add-router wizard ({@code /routers/add}): (1) the connection form, checked with the
 * schema's {@code AddRouterInput} rules (the API's verdict and message, next to the field, naming the bad value);
 * (2) "Test connection" logs in without saving ({@link RouterRegistration#test}) and shows the router's identity,
 * RouterOS version, board and what adopting it would import; (3) "Add" or "Add and adopt" saves it, and the view
 * goes to the new router's overview. What the user typed is kept through every refusal; the password is never
 * shown back and never in a message.
 */
public final class AddRouterController extends HeadlessController<AddRouterController.State> {
    /** The schema input type whose rules check the form. */
    static final String INPUT_TYPE = "AddRouterInput";

    /** The form as typed. {@code port} null: the default API port. */
    public record Form(String name, String host, Integer port, boolean tls, String username, String password) {
        public Form {
            name = name == null ? "" : name;
            host = host == null ? "" : host;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        public static final Form EMPTY = new Form("", "", NewRouter.API_PORT, false, "admin", "");

        int portOrDefault() {
            return port == null ? (tls ? 8729 : NewRouter.API_PORT) : port;
        }

        @Override
        public String toString() { // never the password
            return "Form[" + name + ", " + host + ":" + port + (tls ? " tls" : "") + ", " + username + "]";
        }
    }

    /** One kind adopt would import: "VLAN", 3, "guest, iot, lab, …". */
    public record KindLine(String kind, int count, String examples) { }

    /** What "Test connection" found, as display text. */
    public record Tested(String identity, String version, String board, List<KindLine> adoptable, String adoptSummary) {
        public Tested {
            adoptable = List.copyOf(adoptable);
        }
    }

    public enum Step { FORM, TESTED }

    /**
     * @param errors     field ({@code name}, {@code host}, {@code port}, {@code username}, {@code password}) → what
     *                   is wrong with it; shown next to the field
     * @param problem    what went wrong as a whole (no field to blame), in plain words; empty when nothing did
     * @param tested     present after a successful test of exactly this form
     * @param navigateTo where the view goes now (the added router's overview); empty until added
     */
    public record State(Step step, Form form, Map<String, String> errors, String problem, Optional<Tested> tested,
                        Optional<String> navigateTo) {
        public State {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }
    }

    private final RouterRegistration registration;
    private final ValidationRules rules;
    private final Principal who;

    public AddRouterController(RouterRegistration registration, ValidationRules rules, Principal who) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(who, "who");
        super(new State(Step.FORM, Form.EMPTY, Map.of(), who.role().allows(Role.OPERATOR) ? ""
                : "Adding a router needs the operator role; you are " + who.role().name().toLowerCase(), Optional.empty(),
                Optional.empty()));
        this.registration = registration;
        this.rules = rules;
        this.who = who;
    }

    /** The viewer may add routers; the view offers the form only then. */
    public boolean mayAdd() {
        return who.role().allows(Role.OPERATOR);
    }

    /** User intent: a field changed. A test of another form no longer counts; errors of changed fields go. */
    public void edited(Form form) {
        update(s -> {
            if (form.equals(s.form())) return s;
            var errors = new LinkedHashMap<>(s.errors());
            if (!form.name().equals(s.form().name())) errors.remove("name");
            if (!form.host().equals(s.form().host()) || !Objects.equals(form.port(), s.form().port())
                    || form.tls() != s.form().tls()) {
                errors.remove("host");
                errors.remove("port");
            }
            if (!form.username().equals(s.form().username()) || !form.password().equals(s.form().password())) {
                errors.remove("username");
                errors.remove("password");
            }
            return new State(Step.FORM, form, errors, "", Optional.empty(), Optional.empty());
        });
    }

    /** User intent: "Test connection". */
    public void test(Form form) {
        var invalid = check(form);
        if (!invalid.isEmpty()) {
            publish(new State(Step.FORM, form, invalid, "", Optional.empty(), Optional.empty()));
            return;
        }
        try {
            var found = registration.test(who, newRouter(form));
            publish(new State(Step.TESTED, form, Map.of(), "", Optional.of(tested(found)), Optional.empty()));
        } catch (InputRefused e) {
            publish(refused(form, e));
        } catch (AccessDeniedException e) {
            publish(new State(Step.FORM, form, Map.of(), e.getMessage(), Optional.empty(), Optional.empty()));
        }
    }

    /** User intent: "Add" (adopt false) or "Add and adopt" (adopt true), after a successful test. */
    public void add(boolean adopt) {
        State s = state();
        if (s.step() != Step.TESTED) {
            publish(new State(Step.FORM, s.form(), s.errors(), "Test the connection first", Optional.empty(), Optional.empty()));
            return;
        }
        try {
            Router router = adopt ? registration.adopt(who, newRouter(s.form())).router() : registration.add(who, newRouter(s.form()));
            publish(new State(s.step(), s.form(), Map.of(), "", s.tested(), Optional.of(RouterRoutes.overview(router.id()))));
        } catch (InputRefused e) {
            publish(refused(s.form(), e));
        } catch (AccessDeniedException e) {
            publish(new State(Step.FORM, s.form(), Map.of(), e.getMessage(), Optional.empty(), Optional.empty()));
        }
    }

    /** The schema's verdict on the form, per field: the same message the API gives, naming the bad value. */
    Map<String, String> check(Form form) {
        var input = new LinkedHashMap<String, Object>();
        input.put("name", form.name().strip());
        input.put("host", form.host().strip());
        input.put("port", form.portOrDefault());
        input.put("tls", form.tls());
        input.put("username", form.username().strip());
        input.put("password", form.password());
        var errors = new LinkedHashMap<String, String>();
        if (rules.hasType(INPUT_TYPE)) {
            for (Violation v : rules.validate(INPUT_TYPE, input)) {
                String field = v.fieldPath().contains(".") ? v.fieldPath().substring(v.fieldPath().lastIndexOf('.') + 1)
                        : v.fieldPath();
                errors.putIfAbsent(field, v.message());
            }
        }
        return errors;
    }

    private static NewRouter newRouter(Form f) {
        return new NewRouter(f.name().strip(), f.host().strip(), f.portOrDefault(), f.tls(), f.username().strip(),
                Secret.of(f.password()));
    }

    /** A refusal next to the field it names (host, username), or as a whole; the form stays as typed. */
    private static State refused(Form form, InputRefused e) {
        var errors = new LinkedHashMap<String, String>();
        var whole = new StringBuilder();
        for (var p : e.problems()) {
            String field = p.at().isEmpty() ? "" : p.at().getLast();
            if (List.of("name", "host", "port", "username", "password").contains(field)) {
                errors.putIfAbsent(field, p.message());
            } else {
                if (!whole.isEmpty()) whole.append("; ");
                whole.append(p.message());
            }
        }
        return new State(Step.FORM, form, errors, whole.toString(), Optional.empty(), Optional.empty());
    }

    static Tested tested(RouterRegistration.ConnectionTest t) {
        AdoptPreview preview = t.adoptable();
        var lines = preview.kinds().stream().map(k -> new KindLine(ResourceLabels.kind(k.kind()), k.count(),
                String.join(", ", k.examples()) + (k.count() > k.examples().size() ? ", …" : ""))).toList();
        String summary = preview.total() == 0 ? "Nothing to import: the router has no configuration NasNetConnect manages yet"
                : "Adopting imports " + preview.total() + (preview.total() == 1 ? " object" : " objects") + " from "
                        + lines.size() + (lines.size() == 1 ? " kind" : " kinds");
        return new Tested(t.identity().isBlank() ? "—" : t.identity(), t.platform().version(), t.platform().boardName(),
                lines, summary);
    }
}
