package com.nasnetconnect.ui.drawer;

import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.DiffRow;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.Line;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.State;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;

/**
 * The resource drawer a resource page shows beside its list (full screen on a phone, where the page puts it): the 8
 * layers of one resource as collapsible sections, drift with "Accept router value" / "Re-apply mine", and the
 * history with a time slider and the configuration then and now side by side. Lays out and binds only;
 * {@link ResourceDrawerController} decides. One layout for every width: label/value grids wrap long values, so
 * nothing scrolls sideways at 360 px, and every button is at least 44 px tall.
 */
public class ResourceDrawer extends Composite<Div> {
    static final String TAP = "44px";
    private final ResourceDrawerController controller;
    private final H3 title = new H3();
    private final NoticeBanner notice = new NoticeBanner("drawer-notice");
    private final Details configuration = section("drawer-configuration", "Configuration");
    private final Details validation = section("drawer-validation", "Validation");
    private final Details deployment = section("drawer-deployment", "Deployment");
    private final Details runtime = section("drawer-runtime", "Runtime");
    private final Details telemetry = section("drawer-telemetry", "Telemetry");
    private final Details metadata = section("drawer-metadata", "Metadata");
    private final Details relationships = section("drawer-relationships", "Relationships");
    private final Details platform = section("drawer-platform", "Platform");
    private final Details drift = section("drawer-drift", "Drift");
    private final Details history = section("drawer-history", "History");
    private final RangeInput slider = new RangeInput(ValueChangeMode.ON_CHANGE);
    private final Paragraph sliderLabel = new Paragraph();
    private final Div historyList = new Div();
    private final Div diff = new Div();
    private final Button check = new Button("Check now");
    private final Button accept = new Button("Accept router value");
    private final Button reapply = new Button("Re-apply mine");
    private final Div driftBody = new Div();

    public ResourceDrawer(ResourceDrawerController controller) {
        this.controller = controller;
        Div root = getContent();
        root.setId("resource-drawer");
        root.addClassName("nnc-resource-drawer");
        root.getStyle().set("box-sizing", "border-box").set("max-width", "100%").set("min-width", "0")
                .set("overflow-wrap", "anywhere");
        title.setId("drawer-title");
        title.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");

        slider.setId("history-slider");
        slider.setWidthFull();
        slider.setStep(1.0);
        slider.setAriaLabel("Point in the resource's history");
        // a native range input has a margin of its own: without this, 100% plus the margin scrolls a phone sideways
        slider.getStyle().set("min-height", TAP).set("box-sizing", "border-box").set("margin", "0");
        slider.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) controller.selectHistory((int) Math.round(e.getValue()));
        });
        sliderLabel.setId("history-at");
        historyList.setId("history-list");
        diff.setId("history-diff");
        history.add(slider, sliderLabel, diff, historyList);
        history.setOpened(true);

        check.setId("drift-check");
        accept.setId("drift-accept");
        reapply.setId("drift-reapply");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        for (Button b : List.of(check, accept, reapply)) b.setMinHeight(TAP);
        check.addClickListener(e -> controller.checkDrift());
        accept.addClickListener(e -> controller.acceptRouterValues());
        reapply.addClickListener(e -> controller.reapply());
        Div actions = new Div(check, accept, reapply);
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        driftBody.setId("drift-body");
        drift.add(driftBody, actions);

        configuration.setOpened(true);
        root.add(title, notice, configuration, drift, history, validation, deployment, runtime, telemetry, metadata,
                relationships, platform);
        root.setVisible(false);
        ViewBinding.follow(root, controller, this::render);
    }

    /** Opens the drawer on this resource. */
    public void open(ResourceId id) {
        controller.open(id);
    }

    public void close() {
        controller.closeDrawer();
    }

    private void render(State s) {
        getContent().setVisible(s.open());
        if (!s.open()) return;
        title.setText(s.title());
        notice.show(s.notice());
        for (Details d : List.of(configuration, validation, deployment, runtime, telemetry, metadata, relationships, platform, drift)) {
            d.setVisible(s.exists());
        }
        fill(configuration, grid(s.configuration(), "Nothing configured"));
        Div issues = new Div(new Paragraph(s.validationSummary()));
        s.validationIssues().forEach(i -> issues.add(new Paragraph(i)));
        fill(validation, issues);
        fill(deployment, grid(s.deployment(), ""));
        fill(runtime, grid(s.runtime(), "Not observed yet"));
        fill(telemetry, telemetry(s.telemetry()));
        fill(metadata, grid(s.metadata(), ""));
        fill(relationships, relationships(s));
        fill(platform, grid(s.platform(), ""));
        renderDrift(s);
        renderHistory(s);
    }

    private void renderDrift(State s) {
        driftBody.removeAll();
        var d = s.drift();
        if (d.isEmpty()) {
            driftBody.add(new Paragraph("Not checked against the router yet."));
        } else if (!d.get().drifted()) {
            driftBody.add(new Paragraph("In sync with the router (checked " + d.get().checkedAt() + ")."));
        } else {
            driftBody.add(new Paragraph((d.get().missing() ? "Gone from the router" : "Differs from the router")
                    + " (checked " + d.get().checkedAt() + ")."));
            if (!d.get().rows().isEmpty()) {
                Div table = table("drift-fields", List.of("Field", "Yours", "Router"));
                d.get().rows().forEach(r -> addRow(table, "", r.field(), r.yours(), r.router()));
                driftBody.add(table);
            }
        }
        boolean drifted = d.map(ResourceDrawerController.DriftView::drifted).orElse(false);
        drift.setOpened(drift.isOpened() || drifted);
        check.setVisible(s.canChange());
        accept.setVisible(s.canChange() && drifted && !d.get().missing());
        reapply.setVisible(s.canChange() && drifted);
    }

    private void renderHistory(State s) {
        int n = s.history().size();
        slider.setVisible(n > 1);
        slider.setMin(0);
        slider.setMax(Math.max(0, n - 1));
        double at = Math.max(0, s.selected());
        if (slider.getValue() == null || slider.getValue() != at) slider.setValue(at);
        if (n == 0) {
            sliderLabel.setText("No history");
        } else {
            var e = s.history().get(Math.max(0, s.selected()));
            sliderLabel.setText((s.inThePast() ? "Then: " : "Now: ") + e.when() + " · " + e.who() + " · " + e.what());
        }
        diff.removeAll();
        if (s.inThePast()) {
            diff.add(new Paragraph(s.thenTitle().orElse("")));
            Div table = table("history-diff-table", List.of("Field", "Then", "Now"));
            for (DiffRow r : s.diff()) {
                String mark = switch (r.change()) {
                    case SAME -> "";
                    case CHANGED -> "changed";
                    case ADDED -> "added";
                    case REMOVED -> "removed";
                };
                addRow(table, mark, r.field() + (mark.isEmpty() || mark.equals("changed") ? "" : " (" + mark + ")"), r.then(), r.now());
            }
            diff.add(table);
        }
        historyList.removeAll();
        for (int i = n - 1; i >= 0; i--) {
            var e = s.history().get(i);
            int index = i;
            Button entry = new Button(e.when() + " · " + e.who(), click -> controller.selectHistory(index));
            entry.setId("history-entry-" + i);
            entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            entry.setMinHeight(TAP);
            entry.getStyle().set("height", "auto").set("white-space", "normal").set("text-align", "left")
                    .set("max-width", "100%");
            if (i == s.selected()) entry.getStyle().set("font-weight", "bold");
            Paragraph what = new Paragraph(e.what());
            what.getStyle().set("margin", "0 0 var(--lumo-space-s) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
            historyList.add(entry, what);
        }
    }

    private Component relationships(State s) {
        Div out = new Div();
        out.add(new Paragraph("Depends on"));
        if (s.dependsOn().isEmpty()) out.add(new Paragraph("nothing"));
        s.dependsOn().forEach(l -> out.add(link(l)));
        out.add(new Paragraph("Used by"));
        if (s.dependents().isEmpty()) out.add(new Paragraph("nothing"));
        s.dependents().forEach(l -> out.add(link(l)));
        return out;
    }

    private Button link(ResourceDrawerController.Link l) {
        Button b = new Button(l.label(), e -> controller.open(ResourceId.parse(l.uuid())));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.setMinHeight(TAP);
        b.addClassName("drawer-related");
        b.getStyle().set("height", "auto").set("white-space", "normal").set("max-width", "100%");
        return b;
    }

    /** A sparkline (server-side SVG, the theme's text colour) and the latest value of each metric. */
    private static Component telemetry(ResourceDrawerController.Spark spark) {
        Div out = new Div();
        if (spark.latest().isEmpty()) {
            out.add(new Paragraph("No samples yet"));
            return out;
        }
        if (spark.points().size() > 1) {
            double min = spark.points().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = spark.points().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double span = max - min == 0 ? 1 : max - min;
            var pts = new StringBuilder();
            for (int i = 0; i < spark.points().size(); i++) {
                double x = 100.0 * i / (spark.points().size() - 1);
                double y = 28 - 26 * (spark.points().get(i) - min) / span;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            Html svg = new Html("<svg viewBox='0 0 100 30' preserveAspectRatio='none' role='img' aria-label='" + spark.metric()
                    + " over the last samples' style='width:100%;height:40px;display:block;color:var(--lumo-primary-text-color)'>"
                    + "<polyline fill='none' stroke='currentColor' stroke-width='1.5' vector-effect='non-scaling-stroke' points='"
                    + pts.toString().trim() + "'/></svg>");
            out.add(new Paragraph(spark.metric()), svg);
        }
        out.add(grid(spark.latest(), ""));
        return out;
    }

    private static Details section(String id, String summary) {
        Details d = new Details(summary);
        d.setId(id);
        d.setWidthFull();
        d.getStyle().set("max-width", "100%").set("min-width", "0");
        return d;
    }

    private static void fill(Details d, Component content) {
        d.removeAll();
        d.add(content);
    }

    /** Labels and values two to a row; long values wrap instead of widening the drawer. */
    static Div grid(List<Line> lines, String empty) {
        Div g = new Div();
        g.addClassName("drawer-grid");
        if (lines.isEmpty()) {
            if (!empty.isEmpty()) g.add(new Paragraph(empty));
            return g;
        }
        g.getStyle().set("display", "grid").set("grid-template-columns", "minmax(5em, 40%) minmax(0, 1fr)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-s)").set("overflow-wrap", "anywhere");
        for (Line l : lines) {
            Span label = new Span(l.label());
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Span value = new Span(l.value());
            value.addClassName("drawer-value");
            g.add(label, value);
        }
        return g;
    }

    private static Div table(String id, List<String> headings) {
        Div t = new Div();
        t.setId(id);
        t.getStyle().set("display", "grid").set("grid-template-columns", "minmax(4.5em, 30%) minmax(0, 1fr) minmax(0, 1fr)")
                .set("gap", "1px").set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        for (String h : headings) {
            Span s = new Span(h);
            s.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs)");
            t.add(s);
        }
        return t;
    }

    /** One row of a three-column table; a marked row (changed, added, removed) is highlighted in the theme's colours. */
    private static void addRow(Div table, String mark, String a, String b, String c) {
        String background = switch (mark) {
            case "changed" -> "var(--lumo-primary-color-10pct)";
            case "added" -> "var(--lumo-success-color-10pct)";
            case "removed" -> "var(--lumo-error-color-10pct)";
            default -> "transparent";
        };
        for (String text : List.of(a, b, c)) {
            Span cell = new Span(text);
            cell.addClassName("drawer-cell");
            if (!mark.isEmpty()) cell.addClassName("drawer-" + mark);
            cell.getStyle().set("background", background).set("padding", "var(--lumo-space-xs)");
            table.add(cell);
        }
    }
}
