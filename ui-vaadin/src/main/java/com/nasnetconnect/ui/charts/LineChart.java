package com.nasnetconnect.ui.charts;

import com.nasnetconnect.ui.HtmlText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A line (or area) chart of time series as SVG markup, built in pure Java. The markup has a {@code viewBox} and
 * {@code width="100%"}, so it scales to its container (a phone's card or a desktop column) without JavaScript.
 *
 * <p>Contract:
 * <ul>
 *   <li>The x axis runs from {@code from} to {@code to}; points outside are dropped. The y axis starts at 0 and
 *   ends at {@link ChartUnit#top} of the largest value (100 for percent), labelled at 0, half and top in the
 *   unit's human form ("50 %", "2 Mbit/s", "128 MB"); the x axis is labelled with the start and end times.</li>
 *   <li>At most {@code maxPoints} points per series are drawn: the window is cut into that many equal slices and
 *   each slice draws the mean of its samples, so an hour of 2-second samples costs the same markup as a minute.</li>
 *   <li>Where samples are missing (two drawn points further apart than three times the usual sample spacing, or
 *   two slices, whichever is more), the line breaks: a gap is never drawn as a straight line.</li>
 *   <li>Without any point in the window the chart shows {@code emptyText} instead of lines.</li>
 *   <li>{@link Builder#asOf} marks the numbers as old (an unreachable router): the lines turn grey and the label
 *   ("as of 06:12") is written on the chart, so they are never read as current.</li>
 *   <li>Colours are Lumo custom properties and {@code currentColor}: readable in the light and the dark theme.
 *   Every text (title, labels) is escaped.</li>
 * </ul>
 */
public final class LineChart {
    /** One sample. */
    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /** One line: what it shows ("rx") and its samples, in any order. */
    public record Series(String label, List<Point> points) {
        public Series {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    static final int WIDTH = 400;
    static final int HEIGHT = 150;
    static final int LEFT = 66;
    static final int RIGHT = 6;
    static final int TOP = 18;
    static final int BOTTOM = 20;
    static final int DEFAULT_MAX_POINTS = 120;
    static final List<String> COLOURS = List.of("var(--lumo-primary-color)", "var(--lumo-success-color)",
            "var(--lumo-error-color)", "var(--lumo-contrast-60pct)");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private LineChart() {
    }

    /** A chart of values in {@code unit} over the window {@code [from, to]}. */
    public static Builder of(ChartUnit unit, Instant from, Instant to) {
        return new Builder(unit, from, to);
    }

    public static final class Builder {
        private final ChartUnit unit;
        private final Instant from;
        private final Instant to;
        private final List<Series> series = new ArrayList<>();
        private String title = "";
        private String emptyText = "No samples yet";
        private Optional<String> asOf = Optional.empty();
        private ZoneId zone = ZoneId.systemDefault();
        private int maxPoints = DEFAULT_MAX_POINTS;
        private boolean area;

        private Builder(ChartUnit unit, Instant from, Instant to) {
            this.unit = Objects.requireNonNull(unit, "unit");
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) throw new IllegalArgumentException("chart window must end after it starts: " + from + " .. " + to);
        }

        /** What the chart shows, for screen readers ({@code aria-label} and {@code <title>}). */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "title");
            return this;
        }

        public Builder series(String label, List<Point> points) {
            if (series.size() == COLOURS.size()) throw new IllegalArgumentException("at most " + COLOURS.size() + " series per chart: " + label);
            series.add(new Series(label, points));
            return this;
        }

        /** Fills the area under the first series. */
        public Builder area() {
            this.area = true;
            return this;
        }

        public Builder emptyText(String text) {
            this.emptyText = Objects.requireNonNull(text, "emptyText");
            return this;
        }

        /** Marks the values as old: grey lines and {@code label} (e.g. "as of 06:12") on the chart; empty: current. */
        public Builder asOf(Optional<String> label) {
            this.asOf = Objects.requireNonNull(label, "asOf");
            return this;
        }

        /** How the x axis' times are shown. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder maxPoints(int max) {
            if (max < 2) throw new IllegalArgumentException("maxPoints must be at least 2: " + max);
            this.maxPoints = max;
            return this;
        }

        public String svg() {
            return render(this);
        }
    }

    private static String render(Builder b) {
        long windowNanos = Duration.between(b.from, b.to).toNanos();
        List<List<double[]>> drawn = new ArrayList<>(); // per series: [slice, mean]
        List<Double> gaps = new ArrayList<>();
        double max = 0;
        boolean any = false;
        for (Series s : b.series) {
            double[] sum = new double[b.maxPoints];
            int[] n = new int[b.maxPoints];
            List<Instant> times = new ArrayList<>();
            for (Point p : s.points()) {
                if (p.at().isBefore(b.from) || p.at().isAfter(b.to) || !Double.isFinite(p.value())) continue;
                long offset = Duration.between(b.from, p.at()).toNanos();
                int slice = (int) Math.min(b.maxPoints - 1, (long) ((double) offset / windowNanos * b.maxPoints));
                sum[slice] += p.value();
                n[slice]++;
                times.add(p.at());
            }
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < b.maxPoints; i++) {
                if (n[i] == 0) continue;
                double mean = sum[i] / n[i];
                points.add(new double[]{i, mean});
                max = Math.max(max, mean);
                any = true;
            }
            drawn.add(points);
            gaps.add(gapSlices(times, windowNanos, b.maxPoints));
        }
        double top = b.unit.top(max);
        boolean stale = b.asOf.isPresent();
        var svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" class=\"nnc-chart").append(stale ? " nnc-chart-stale" : "")
                .append("\" aria-label=\"").append(HtmlText.escape(b.title)).append("\" font-size=\"13\" style=\"display:block;")
                .append("font-family:var(--lumo-font-family);color:var(--lumo-secondary-text-color)\">");
        svg.append("<title>").append(HtmlText.escape(b.title)).append("</title>");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        // grid and y labels: 0, half, top
        for (int i = 0; i <= 2; i++) {
            double y = TOP + plotH - plotH * i / 2;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"");
            number(svg, y).append("\" y2=\"");
            number(svg, y).append("\" style=\"stroke:var(--lumo-contrast-20pct)\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"");
            number(svg, y + 4).append("\" text-anchor=\"end\" fill=\"currentColor\">")
                    .append(HtmlText.escape(b.unit.format(top * i / 2))).append("</text>");
        }
        // x labels: start and end
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 4).append("\" fill=\"currentColor\">")
                .append(HOUR_MINUTE.format(b.from.atZone(b.zone))).append("</text>");
        svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"end\" fill=\"currentColor\">").append(HOUR_MINUTE.format(b.to.atZone(b.zone))).append("</text>");
        if (!any) {
            svg.append("<text class=\"nnc-chart-empty\" x=\"");
            number(svg, LEFT + plotW / 2).append("\" y=\"");
            number(svg, TOP + plotH / 2).append("\" text-anchor=\"middle\" fill=\"currentColor\">")
                    .append(HtmlText.escape(b.emptyText)).append("</text>");
        } else {
            double slice = plotW / (b.maxPoints - 1);
            for (int s = 0; s < drawn.size(); s++) {
                List<double[]> points = drawn.get(s);
                if (points.isEmpty()) continue;
                String colour = stale ? "var(--lumo-contrast-40pct)" : COLOURS.get(s);
                List<List<double[]>> runs = runs(points, gaps.get(s));
                var line = new StringBuilder();
                for (List<double[]> run : runs) {
                    for (int i = 0; i < run.size(); i++) {
                        line.append(i == 0 ? 'M' : 'L');
                        number(line, LEFT + run.get(i)[0] * slice).append(',');
                        number(line, TOP + plotH - plotH * Math.min(run.get(i)[1], top) / top);
                    }
                    if (run.size() == 1) line.append("h1"); // a lone sample still shows as a dot
                }
                if (s == 0 && b.area) {
                    var fill = new StringBuilder();
                    for (List<double[]> run : runs) {
                        var first = run.getFirst();
                        var last = run.getLast();
                        fill.append('M');
                        number(fill, LEFT + first[0] * slice).append(',');
                        number(fill, TOP + plotH);
                        for (double[] p : run) {
                            fill.append('L');
                            number(fill, LEFT + p[0] * slice).append(',');
                            number(fill, TOP + plotH - plotH * Math.min(p[1], top) / top);
                        }
                        fill.append('L');
                        number(fill, LEFT + last[0] * slice).append(',');
                        number(fill, TOP + plotH).append('Z');
                    }
                    svg.append("<path class=\"nnc-chart-area\" d=\"").append(fill).append("\" style=\"fill:").append(colour)
                            .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
                }
                svg.append("<path class=\"nnc-chart-line\" d=\"").append(line).append("\" style=\"stroke:").append(colour)
                        .append("\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
            }
        }
        // legend (several series) and the "as of" label, on the top line
        double x = LEFT;
        if (b.series.size() > 1) {
            for (int s = 0; s < b.series.size(); s++) {
                String colour = stale ? "var(--lumo-contrast-40pct)" : COLOURS.get(s);
                svg.append("<rect x=\"");
                number(svg, x).append("\" y=\"5\" width=\"10\" height=\"4\" style=\"fill:").append(colour).append("\"/>");
                svg.append("<text x=\"");
                number(svg, x + 13).append("\" y=\"11\" fill=\"currentColor\">").append(HtmlText.escape(b.series.get(s).label())).append("</text>");
                x += 26 + 8 * b.series.get(s).label().length();
            }
        }
        b.asOf.ifPresent(label -> svg.append("<text class=\"nnc-chart-asof\" x=\"").append(WIDTH - RIGHT)
                .append("\" y=\"11\" text-anchor=\"end\" font-weight=\"bold\" fill=\"currentColor\">")
                .append(HtmlText.escape(label)).append("</text>"));
        return svg.append("</svg>").toString();
    }

    /** How many slices apart two drawn points may be before the line breaks. */
    private static double gapSlices(List<Instant> times, long windowNanos, int maxPoints) {
        if (times.size() < 2) return 2;
        List<Instant> sorted = times.stream().sorted().toList();
        long[] spacing = new long[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) spacing[i - 1] = Duration.between(sorted.get(i - 1), sorted.get(i)).toNanos();
        java.util.Arrays.sort(spacing);
        double usual = spacing[spacing.length / 2];
        double sliceNanos = (double) windowNanos / maxPoints;
        return Math.max(2, 3 * usual / sliceNanos);
    }

    /** The drawn points split where they are more than {@code gap} slices apart. */
    private static List<List<double[]>> runs(List<double[]> points, double gap) {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (double[] p : points) {
            if (!run.isEmpty() && p[0] - run.getLast()[0] > gap) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (!run.isEmpty()) runs.add(run);
        return runs;
    }

    private static StringBuilder number(StringBuilder out, double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) return out.append(tenths / 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        return out.append(tenths / 10).append('.').append(tenths % 10);
    }
}
