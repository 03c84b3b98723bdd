package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiWordsTest {

    @Test
    void encodesEachLengthBoundaryWithTheMinimalPrefixAndReadsItBack() throws IOException {
        Map<Integer, Integer> prefixBytes = Map.of(0x7F, 1, 0x80, 2, 0x3FFF, 2, 0x4000, 3, 0x1FFFFF, 3, 0x200000, 4);
        for (var e : prefixBytes.entrySet()) {
            byte[] word = new byte[e.getKey()];
            var out = new ByteArrayOutputStream();
            ApiWords.write(word, out);
            assertThat(out.size()).as("length 0x%X", e.getKey()).isEqualTo(e.getKey() + e.getValue());
            var read = ApiWords.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(read.length()).isEqualTo(e.getKey());
            assertThat(read.prefixLength()).isEqualTo(e.getValue());
        }
    }

    @Test
    void sendsOneWritePerSentenceAndSubstitutesPlaceholderWords() throws IOException {
        List<byte[]> writes = new ArrayList<>();
        var sink = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        };
        var requests = new RequestOutputStream(sink);
        requests.rewrite("=nnc-a0=\u0001a0\u0001", List.of("=source=a \"b\" 'c'\nd"));
        byte[] sentence = WordServer.sentence("/system/script/add", "=nnc-a0=\u0001a0\u0001", ".tag=1");
        for (byte b : sentence) requests.write(b); // as the library does: byte by byte

        assertThat(writes).hasSize(1);
        assertThat(writes.getFirst()).isEqualTo(WordServer.sentence("/system/script/add", "=source=a \"b\" 'c'\nd", ".tag=1"));
        // a rewrite applies once
        for (byte b : WordServer.sentence("/x", "=nnc-a0=\u0001a0\u0001")) requests.write(b);
        assertThat(writes.get(1)).isEqualTo(WordServer.sentence("/x", "=nnc-a0=\u0001a0\u0001"));
    }
}
