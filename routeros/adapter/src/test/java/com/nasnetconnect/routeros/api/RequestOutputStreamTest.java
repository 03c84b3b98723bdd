package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestOutputStreamTest {

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
