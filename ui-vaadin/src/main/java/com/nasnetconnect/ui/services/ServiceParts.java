package com.nasnetconnect.ui.services;

import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.services.ServicesController.TemplateCard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Consumer;

/**
 * The pieces both presenters lay out: a catalog card, the state badge with its progress bar, the health badge with
 * its reason, and the uninstall button. Display text comes from the controller; these only build components.
 */
final class ServiceParts {
    private ServiceParts() {
    }

    /** The title of a part of the page (catalog, installed services). */
    static H3 section(String title) {
        H3 h = new H3(title);
        h.addClassName("services-section");
        return h;
    }

    /** A catalog card: name, description, the interface it makes, and "Install" for those who may. */
    static Component templateCard(TemplateCard t, boolean canInstall, boolean phone, Consumer<TemplateCard> onInstall) {
        Div card = new Div();
        card.addClassNames("nnc-card", "service-template-card");
        card.getElement().setAttribute("data-template", t.id());
        card.add(new H3(t.name()));
        Paragraph about = new Paragraph(t.description());
        about.addClassName("service-template-description");
        Span iface = new Span("Interface " + t.interfaceExample());
        iface.addClassName("nnc-card-facts");
        card.add(about, iface);
        if (canInstall) {
            Button install = button("Install", phone);
            install.addClassName("service-install");
            install.getElement().setAttribute("data-template", t.id());
            install.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            install.addClickListener(e -> onInstall.accept(t));
            card.add(install);
        }
        return card;
    }

    /** The state ("Pulling image · 42 %") with a progress bar while the router pulls, extracts or starts. */
    static Component state(InstanceRow row) {
        Div cell = new Div();
        cell.addClassName("service-state-cell");
        Span badge = new Span(row.stateText());
        badge.addClassNames("nnc-badge", "service-state", "nnc-badge-" + tone(row.state()));
        badge.getElement().setAttribute("data-state", row.state().name());
        cell.add(badge);
        if (row.showsProgress()) {
            ProgressBar bar = new ProgressBar();
            bar.addClassName("service-progress");
            if (row.progress() == InstanceRow.INDETERMINATE) bar.setIndeterminate(true);
            else bar.setValue(row.progress() / 100.0);
            bar.getElement().setAttribute("aria-label", row.stateText());
            cell.add(bar);
        }
        return cell;
    }

    /** "Healthy", "Not checked yet", or "Unhealthy" with the reason under it. */
    static Component health(InstanceRow row) {
        Div cell = new Div();
        cell.addClassName("service-health-cell");
        Span badge = new Span(row.health());
        badge.addClassNames("nnc-badge", "service-health", "nnc-badge-" + switch (row.healthStatus()) {
            case HEALTHY -> "success";
            case UNHEALTHY -> "error";
            case UNKNOWN -> "contrast";
        });
        badge.getElement().setAttribute("data-health", row.healthStatus().name());
        cell.add(badge);
        if (row.healthStatus() == InstanceHealth.Status.UNHEALTHY && !row.healthReason().isEmpty()) {
            Div why = new Div(row.healthReason());
            why.addClassName("service-health-reason");
            cell.add(why);
        }
        return cell;
    }

    static Button uninstall(InstanceRow row, boolean phone, Consumer<InstanceRow> onUninstall) {
        Button b = button("Uninstall", phone);
        b.addClassName("service-uninstall");
        b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        b.getElement().setAttribute("data-instance", row.interfaceName());
        b.addClickListener(e -> onUninstall.accept(row));
        return b;
    }

    /** On a phone every button is a 44 px tap target (Lumo's large size). */
    static Button button(String text, boolean phone) {
        Button b = new Button(text);
        if (phone) b.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return b;
    }

    private static String tone(InstanceState state) {
        return switch (state) {
            case RUNNING -> "success";
            case DEGRADED, FAILED -> "error";
            case STOPPED -> "contrast";
            case PENDING, PULLING, EXTRACTING, STARTING -> "progress";
        };
    }
}
