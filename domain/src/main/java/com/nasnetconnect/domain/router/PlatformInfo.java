package com.nasnetconnect.domain.router;

import java.util.Set;

/**
 * What a router is and can do, as detected from {@code /system/resource} and {@code /system/package}.
 *
 * @param version          RouterOS version, e.g. {@code 7.16.2} (without the channel suffix)
 * @param boardName        e.g. {@code CHR}, {@code hAP ax^3}
 * @param architecture     e.g. {@code x86_64}, {@code arm64}
 * @param packages         installed and enabled package names, e.g. {@code routeros}, {@code container}
 */
public record PlatformInfo(String version, String boardName, String architecture, Set<String> packages) {
    public PlatformInfo {
        packages = Set.copyOf(packages);
    }

    public boolean hasPackage(String name) {
        return packages.contains(name);
    }

    /** RouterOS 7.18 and later answer an empty print with {@code !empty}; other differences hang on this too. */
    public boolean atLeast(int major, int minor) {
        String[] p = version.split("[.\\s]");
        try {
            int ma = Integer.parseInt(p[0]);
            int mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
