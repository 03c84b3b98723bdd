package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class WordCodecTest {

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
        byte[] encoded = WordCodec.encodeLength((int) length);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(hex);
        assertThat(WordCodec.readLength(new ByteArrayInputStream(encoded))).isEqualTo(length);
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
        assertThat(WordCodec.readLength(new ByteArrayInputStream(HexFormat.of().parseHex(hex)))).isEqualTo(length);
    }

    @Test
    void rejectsControlBytesAsLengths() {
        assertThatThrownBy(() -> WordCodec.readLength(new ByteArrayInputStream(new byte[] {(byte) 0xF8})))
                .isInstanceOf(WordCodec.ProtocolException.class).hasMessageContaining("0xf8");
    }

    @Test
    void rejectsLengthsOverTheLimitWithoutAllocating() {
        byte[] huge = {(byte) 0xF0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> WordCodec.readWord(new ByteArrayInputStream(huge)))
                .isInstanceOf(WordCodec.ProtocolException.class).hasMessageContaining("2147483647").hasMessageContaining("exceeds");
    }

    @Test
    void reportsATruncatedWord() {
        byte[] truncated = {0x05, 'a', 'b'};
        assertThatThrownBy(() -> WordCodec.readWord(new ByteArrayInputStream(truncated)))
                .isInstanceOf(EOFException.class).hasMessageContaining("expected 5 bytes, got 2");
    }

    @Test
    void roundTripsSentencesWithWordsOfEveryBoundaryLength() throws Exception {
        for (int len : new int[] {0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000}) {
            String word = "=comment=" + "x".repeat(len - 9);
            byte[] bytes = WordCodec.encodeSentence(List.of("/x", word));
            List<String> back = WordCodec.readSentence(new ByteArrayInputStream(bytes));
            assertThat(back).hasSize(2);
            assertThat(back.get(1)).hasSize(len);
        }
    }

    @Test
    void returnsNullAtACleanEndBetweenSentences() throws Exception {
        assertThat(WordCodec.readSentence(new ByteArrayInputStream(new byte[0]))).isNull();
        assertThatThrownBy(() -> WordCodec.readSentence(new ByteArrayInputStream(new byte[] {0x02, '/', 'x'})))
                .isInstanceOf(EOFException.class);
    }
}
