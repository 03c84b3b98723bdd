package com.nasnetconnect.server.vaadin;

import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.domain.security.UserAdministration;
import com.nasnetconnect.domain.state.DatabaseHealthCheck;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.domain.update.Updates;
import com.nasnetconnect.domain.apply.RevealSecret;
import java.util.Objects;
import java.util.Optional;

/** The domain in-ports the screens use, as the composition root built them. */
public record UiServices(RouterStatusFeed routerStatus, DatabaseHealthCheck databases, LoginHandler login,
                         Authenticator authenticator, UserAdministration users, ApiKeys apiKeys, Sessions sessions,
                         AuditTrail audit, ResourceChanges resources, ValidationRules validationRules,
                         ServiceFactory services, RoutingPolicies policies, RouterRegistration registration,
                         ResourceQueries queries, TelemetryQueries telemetry, EventLogQueries eventLog,
                         Updates updates, Optional<RevealSecret> secrets, DriftResolution drift) {
    /** Without the admins' reveal of secret fields. */
    public UiServices(RouterStatusFeed routerStatus, DatabaseHealthCheck databases, LoginHandler login,
                      Authenticator authenticator, UserAdministration users, ApiKeys apiKeys, Sessions sessions,
                      AuditTrail audit, ResourceChanges resources, ValidationRules validationRules,
                      ServiceFactory services, RoutingPolicies policies, RouterRegistration registration,
                      ResourceQueries queries, TelemetryQueries telemetry, EventLogQueries eventLog, Updates updates, DriftResolution drift) {
        this(routerStatus, databases, login, authenticator, users, apiKeys, sessions, audit, resources, validationRules,
                services, policies, registration, queries, telemetry, eventLog, updates, Optional.empty(), drift);
    }

    public UiServices {
        Objects.requireNonNull(routerStatus, "routerStatus");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(validationRules, "validationRules");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(drift, "drift");
    }
}
