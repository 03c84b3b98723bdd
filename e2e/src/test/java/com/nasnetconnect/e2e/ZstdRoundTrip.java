package com.nasnetconnect.e2e;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by {@link PackagedLibrariesE2ETest} in a JVM whose class path is the packaged zstd-jni jar and these test classes:
 * compresses and decompresses one text and prints which binding did it ({@code ffm} when the jar's Java 22+ binding
 * class is there, else {@code jni}) and the sizes.
 */
final class ZstdRoundTrip {
    private ZstdRoundTrip() {
    }

    public static void main(String[] args) {
        byte[] raw = "resource.updated vlan iot 40 on ether3 ".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] packed = Zstd.compress(raw, 3);
        byte[] back = Zstd.decompress(packed, raw.length);
        String binding;
        try {
            Class.forName("com.github.luben.zstd.ZstdBinding", false, ZstdRoundTrip.class.getClassLoader());
            binding = "ffm";
        } catch (ClassNotFoundException e) {
            binding = "jni";
        }
        System.out.println(binding + " " + raw.length + " " + packed.length + " " + Arrays.equals(raw, back));
    }
}
