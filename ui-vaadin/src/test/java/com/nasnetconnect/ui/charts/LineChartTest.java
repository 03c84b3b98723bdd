package com.nasnetconnect.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.ui.charts.LineChart.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {
    static final Instant FROM = Instant.parse("2026-12-02T05:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofHours(1));

    static List<Point> every(Duration step, Instant from, Instant to, double value) {
        var points = new ArrayList<Point>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(step)) points.add(new Point(t, value));
        return points;
    }

    static LineChart.Builder chart(ChartUnit unit) {
        return LineChart.of(unit, FROM, TO).zone(ZoneOffset.UTC).title("CPU load");
    }

    static List<String> lines(String svg) {
        Matcher m = Pattern.compile("class=\"nnc-chart-line\" d=\"([^\"]*)\"").matcher(svg);
        var out = new ArrayList<String>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void percentScaleRunsToOneHundredWithHalfAndTopLabelled() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", every(Duration.ofSeconds(10), FROM, TO, 12)).svg();
        assertTrue(svg.contains(">0 %<"), svg);
        assertTrue(svg.contains(">50 %<"));
        assertTrue(svg.contains(">100 %<"));
    }

    @Test
    void aValueSitsAtItsHeightOnTheScale() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", every(Duration.ofSeconds(30), FROM, TO, 50)).svg();
        double mid = LineChart.TOP + (LineChart.HEIGHT - LineChart.TOP - LineChart.BOTTOM) / 2.0;
        String path = lines(svg).getFirst();
        assertTrue(path.startsWith("M" + LineChart.LEFT + "," + fmt(mid)), path);
    }

    @Test
    void bitRatesAreLabelledInKilobitsAndMegabitsOnARoundScale() {
        String svg = chart(ChartUnit.BITS_PER_SECOND).series("rx", every(Duration.ofSeconds(10), FROM, TO, 3_400_000)).svg();
        assertTrue(svg.contains(">5 Mbit/s<"), svg);
        assertTrue(svg.contains(">2.5 Mbit/s<"), svg);
        assertEquals("800 kbit/s", ChartUnit.BITS_PER_SECOND.format(800_000));
        assertEquals("1.5 kbit/s", ChartUnit.BITS_PER_SECOND.format(1_500));
        assertEquals("12 bit/s", ChartUnit.BITS_PER_SECOND.format(12));
    }

    @Test
    void memoryIsLabelledInMegabytes() {
        String svg = chart(ChartUnit.BYTES).series("free", every(Duration.ofSeconds(10), FROM, TO, 180_000_000)).svg();
        assertTrue(svg.contains(">200 MB<"), svg);
        assertTrue(svg.contains(">100 MB<"), svg);
        assertEquals("48 MB", ChartUnit.BYTES.format(48_000_000));
        assertEquals("1.1 GB", ChartUnit.BYTES.format(1_073_741_824));
    }

    @Test
    void timeAxisIsLabelledWithTheWindowsStartAndEnd() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", every(Duration.ofSeconds(10), FROM, TO, 1)).svg();
        assertTrue(svg.contains(">05:00<"));
        assertTrue(svg.contains(">06:00<"));
    }

    @Test
    void theLineBreaksWhereSamplesAreMissing() {
        var points = new ArrayList<Point>(every(Duration.ofSeconds(10), FROM, FROM.plus(Duration.ofMinutes(20)), 30));
        points.addAll(every(Duration.ofSeconds(10), FROM.plus(Duration.ofMinutes(40)), TO, 30));
        String path = lines(chart(ChartUnit.PERCENT).series("cpu", points).svg()).getFirst();
        assertEquals(2, path.chars().filter(c -> c == 'M').count(), path);
    }

    @Test
    void evenlySpacedSparseSamplesDrawOneUnbrokenLine() {
        String path = lines(chart(ChartUnit.PERCENT).series("cpu", every(Duration.ofMinutes(1), FROM, TO, 30)).svg()).getFirst();
        assertEquals(1, path.chars().filter(c -> c == 'M').count(), path);
    }

    @Test
    void anHourOfTwoSecondSamplesDrawsAtMostMaxPoints() {
        String path = lines(chart(ChartUnit.PERCENT).maxPoints(60).series("cpu", every(Duration.ofSeconds(2), FROM, TO, 30)).svg()).getFirst();
        long drawn = path.chars().filter(c -> c == 'M' || c == 'L').count();
        assertEquals(60, drawn);
    }

    @Test
    void withoutSamplesTheChartSaysSoInsteadOfDrawingLines() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", List.of()).emptyText("No CPU samples in the last hour").svg();
        assertTrue(svg.contains("nnc-chart-empty"));
        assertTrue(svg.contains("No CPU samples in the last hour"));
        assertTrue(lines(svg).isEmpty());
    }

    @Test
    void samplesOutsideTheWindowAreNotDrawn() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", List.of(new Point(FROM.minusSeconds(5), 10), new Point(TO.plusSeconds(5), 10))).svg();
        assertTrue(svg.contains("nnc-chart-empty"));
    }

    @Test
    void oldValuesAreGreyAndLabelledAsOfTheirTime() {
        String svg = chart(ChartUnit.PERCENT).series("cpu", every(Duration.ofSeconds(10), FROM, TO, 5))
                .asOf(Optional.of("as of 05:48")).svg();
        assertTrue(svg.contains("nnc-chart-stale"));
        assertTrue(svg.contains(">as of 05:48<"));
        assertTrue(svg.contains("stroke:var(--lumo-contrast-40pct)"));
        assertFalse(svg.contains("stroke:var(--lumo-primary-color)"));
    }

    @Test
    void coloursComeFromTheThemeNotFixedValues() {
        String svg = chart(ChartUnit.BITS_PER_SECOND).series("rx", every(Duration.ofSeconds(10), FROM, TO, 5))
                .series("tx", every(Duration.ofSeconds(10), FROM, TO, 7)).area().svg();
        assertTrue(svg.contains("stroke:var(--lumo-primary-color)"));
        assertTrue(svg.contains("stroke:var(--lumo-success-color)"));
        assertFalse(Pattern.compile("#[0-9a-fA-F]{3,6}\\b|rgb\\(").matcher(svg).find(), svg);
        assertTrue(svg.contains(">rx<") && svg.contains(">tx<"), "a legend names both lines");
        assertTrue(svg.contains("viewBox=\"0 0 400 150\"") && svg.contains("width=\"100%\""));
    }

    @Test
    void everyTextIsEscaped() {
        String svg = LineChart.of(ChartUnit.PERCENT, FROM, TO).title("<script>\"x\"</script>")
                .series("a&b", List.of()).series("c", List.of()).emptyText("<b>none</b>").svg();
        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("&lt;script&gt;&quot;x&quot;"));
        assertTrue(svg.contains(">a&amp;b<"));
    }

    @Test
    void aWindowThatDoesNotMoveForwardIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> LineChart.of(ChartUnit.PERCENT, TO, FROM));
        assertTrue(e.getMessage().contains(TO.toString()));
    }

    private static String fmt(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }
}
