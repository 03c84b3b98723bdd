package com.nasnetconnect.routeros.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class ApiWordsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "127, 7f",
        "128, 8080",
        "16383, bfff",
        "16384, c04000",
        "2097151, dfffff",
        "2097152, e0200000",
        "268435455, efffffff",
        "268435456, f010000000"
    })
    void encodesEveryLengthBoundaryMinimally(long length, String hex) throws Exception {
        byte[] encoded = ApiWords.encodeLength((int) length);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(hex);
        assertThat(lengthOf(encoded)).isEqualTo(length);
    }

    @ParameterizedTest
    @CsvSource({
        "8005, 5",
        "c00005, 5",
        "e0000005, 5",
        "f000000005, 5",
        "c0007f, 127",
        "e0003fff, 16383"
    })
    void acceptsNonMinimalLengthEncodings(String hex, long length) throws Exception {
        assertThat(lengthOf(HexFormat.of().parseHex(hex))).isEqualTo(length);
    }

    @Test
    void rejectsControlBytesAsLengths() {
        assertThatThrownBy(() -> ApiWords.read(new ByteArrayInputStream(new byte[] {(byte) 0xF8})))
                .isInstanceOf(ApiWords.MalformedWordException.class).hasMessageContaining("0xf8");
    }

    @Test
    void rejectsLengthsOverTheLimitWithoutAllocating() {
        byte[] huge = {(byte) 0xF0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> ApiWords.read(new ByteArrayInputStream(huge)))
                .isInstanceOf(ApiWords.MalformedWordException.class).hasMessageContaining("2147483647").hasMessageContaining("exceeds");
    }

    @Test
    void reportsATruncatedWord() {
        byte[] truncated = {0x05, 'a', 'b'};
        assertThatThrownBy(() -> ApiWords.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(EOFException.class).hasMessageContaining("expected 5 bytes, got 2");
    }

    @Test
    void roundTripsSentencesWithWordsOfEveryBoundaryLength() throws Exception {
        for (int len : new int[] {0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000}) {
            String word = "=comment=" + "x".repeat(len - 9);
            byte[] bytes = ApiWords.encodeSentence(List.of("/x", word));
            List<String> back = ApiWords.readSentence(new ByteArrayInputStream(bytes), ApiWords.MAX_WORD);
            assertThat(back).hasSize(2);
            assertThat(back.get(1)).hasSize(len);
        }
    }

    @Test
    void returnsNullAtACleanEndBetweenSentences() throws Exception {
        assertThat(ApiWords.readSentence(new ByteArrayInputStream(new byte[0]), ApiWords.MAX_WORD)).isNull();
        assertThatThrownBy(() -> ApiWords.readSentence(new ByteArrayInputStream(new byte[] {0x02, '/', 'x'}), ApiWords.MAX_WORD))
                .isInstanceOf(EOFException.class);
    }

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

    private static long lengthOf(byte[] prefix) throws IOException {
        int prefixLength = ApiWords.prefixLength(prefix[0] & 0xFF);
        assertThat(prefix).hasSize(prefixLength);
        return ApiWords.declaredLength(prefix, 0, prefixLength);
    }
}
