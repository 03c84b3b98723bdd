package com.nasnetconnect.domain.update;

import java.util.Comparator;

/**
 * Release versions compared as people read them: {@code 1.10.0} after {@code 1.9.2}; numeric parts numerically,
 * others as text; a pre-release ({@code 1.2.0-rc1}, {@code 0.1.0-SNAPSHOT}) before its release.
 */
public final class Versions {
    public static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    public static int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        int c = parts(pa[0], pb[0]);
        if (c != 0) return c;
        if (pa.length == 1 && pb.length == 1) return 0;
        if (pa.length == 1) return 1;
        if (pb.length == 1) return -1;
        return parts(pa[1], pb[1]);
    }

    private static int parts(String a, String b) {
        String[] x = a.split("[.+]");
        String[] y = b.split("[.+]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("[0-9]{1,18}") && q.matches("[0-9]{1,18}")) c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            else c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
