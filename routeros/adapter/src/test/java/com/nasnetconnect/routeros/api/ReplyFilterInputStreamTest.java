package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The filter between the socket and the library. Where the library's reader must be held off, the test reads on
 * a thread of its own and waits, by a latch and by the thread's state, until that reader is parked: no waiting
 * a fixed time.
 */
@Timeout(10)
class ReplyFilterInputStreamTest {

    private final List<ReplySentence> seen = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Boolean> protocol = new CopyOnWriteArrayList<>();
    private final CountDownLatch failed = new CountDownLatch(1);

    private final ReplyFilterInputStream.Observer observer = new ReplyFilterInputStream.Observer() {
        @Override
        public void sentence(ReplySentence sentence) {
            seen.add(sentence);
        }

        @Override
        public void failed(String reason, boolean p, Throwable cause) {
            failures.add(reason);
            protocol.add(p);
            failed.countDown();
        }
    };

    /** Reads one byte on a thread of its own, as the library's reader does: the byte, or -2 for an IOException. */
    private static Thread startReading(InputStream in, CompletableFuture<Integer> result) {
        return Thread.ofPlatform().daemon().name("library-reader").start(() -> {
            try {
                result.complete(in.read());
            } catch (IOException e) {
                result.complete(-2);
            }
        });
    }

    /**
     * Waits until the filter has reported its failure and parked {@code reader} (the library sees nothing until
     * the stream is closed); fails at once if the reader returned instead.
     */
    private void awaitReportedAndParked(Thread reader) throws InterruptedException {
        assertThat(failed.await(5, TimeUnit.SECONDS)).as("a failure was reported").isTrue();
        Thread.State state;
        while ((state = reader.getState()) != Thread.State.WAITING) {
            assertThat(state).as("the library's reader is held, not released").isNotEqualTo(Thread.State.TERMINATED);
            Thread.onSpinWait();
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Reads exactly n bytes, as the library's reader would. */
    private static byte[] readN(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) in.read();
        return b;
    }

    @Test
    void dropsEmptySentencesAndPassesTheOthersByteExact() throws IOException {
        byte[] re = WordServer.sentence("!re", "=name=ether1", ".tag=1");
        byte[] empty = WordServer.sentence("!empty", ".tag=2");
        byte[] done = WordServer.sentence("!done", ".tag=2");
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(concat(re, empty, done)), observer);

        assertThat(readN(filter, re.length + done.length)).isEqualTo(concat(re, done));
        assertThat(seen).extracting(ReplySentence::type).containsExactly("!re", "!empty", "!done");
        assertThat(seen.get(1).tag()).contains("2");
    }

    @Test
    void keepsNonMinimalLengthPrefixesAsSent() throws IOException {
        // "!done" with a 2-byte length prefix 0x80 0x05, ".tag=7" with a 5-byte prefix: legal, unusual
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 0x05});
        out.writeBytes("!done".getBytes());
        out.writeBytes(new byte[] {(byte) 0xF0, 0, 0, 0, 6});
        out.writeBytes(".tag=7".getBytes());
        out.write(0);
        byte[] bytes = out.toByteArray();
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(bytes), observer);

        assertThat(readN(filter, bytes.length)).isEqualTo(bytes);
        assertThat(seen.getFirst().tag()).contains("7");
    }

    @Test
    void decodesEveryWordLengthBoundary() throws IOException {
        for (int len : new int[] {0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000}) {
            String value = "x".repeat(len - 3);
            byte[] bytes = WordServer.sentence("!re", "=a=" + value.substring(0, len - 3));
            var filter = new ReplyFilterInputStream(new ByteArrayInputStream(bytes), observer);
            assertThat(filter.readNBytes(bytes.length)).as("length 0x%X", len).isEqualTo(bytes);
            assertThat(seen.getLast().attributes().get("a")).hasSize(len - 3);
        }
    }

    @Test
    void replacesMultiLineValuesWithPlaceholdersTheAdapterRestores() throws IOException {
        byte[] re = WordServer.sentence("!re", "=source=:put 1\n=x\r\n:put 2", ".tag=4");
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(re), observer);
        var words = new ArrayList<String>();
        ApiWords.Word w;
        while ((w = ApiWords.read(filter)) != null && !w.isEnd()) words.add(w.text());

        String placeholder = words.get(1).substring("=source=".length());
        assertThat(placeholder).doesNotContain("\n").startsWith("\u0001");
        assertThat(filter.restore(placeholder)).isEqualTo(":put 1\n=x\r\n:put 2");
        assertThat(filter.restore("plain")).isEqualTo("plain");
    }

    @Test
    void reportsFatalOnceAndGivesTheLibraryNothingUntilClosed() throws Exception {
        byte[] bytes = concat(WordServer.sentence("!re", "=a=1", ".tag=1"), WordServer.sentence("!fatal", "session terminated"));
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(bytes), observer);
        filter.readNBytes(WordServer.sentence("!re", "=a=1", ".tag=1").length);

        var blocked = new CompletableFuture<Integer>();
        awaitReportedAndParked(startReading(filter, blocked));
        assertThat(blocked).isNotDone();
        assertThat(failures).singleElement().asString().contains("!fatal", "session terminated");
        assertThat(protocol).containsExactly(true);

        filter.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(-2);
    }

    @Test
    void reportsAnUnknownReplyWordAsGarbage() throws Exception {
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(WordServer.sentence("!bogus", ".tag=1")), observer);
        filter.close(); // closed already: the read must not block
        assertThatThrownBy(filter::read).isInstanceOf(IOException.class);
        var fresh = new ReplyFilterInputStream(new ByteArrayInputStream(WordServer.sentence("!bogus", ".tag=1")), observer);
        var read = new CompletableFuture<Integer>();
        awaitReportedAndParked(startReading(fresh, read));
        fresh.close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-2);
        assertThat(failures).singleElement().asString().contains("garbage", "!bogus");
        assertThat(protocol).containsExactly(true);
    }

    @Test
    void reportsAnAttributeWithoutValueSeparatorAsGarbage() throws Exception {
        assertFailure(WordServer.sentence("!re", "=novalue", ".tag=1"), "garbage", true);
    }

    @Test
    void reportsANonNumericTrapCategoryAsGarbage() throws Exception {
        assertFailure(WordServer.sentence("!trap", "=category=x", "=message=m", ".tag=1"), "category", true);
    }

    @Test
    void reportsAReservedLengthPrefixAsGarbage() throws Exception {
        assertFailure(new byte[] {(byte) 0xF8, 1, 2, 3}, "reserved", true);
    }

    @Test
    void reportsEndOfStreamInsideASentenceAsConnectionLoss() throws Exception {
        byte[] partial = WordServer.sentence("!re", "=a=1");
        assertFailure(java.util.Arrays.copyOf(partial, partial.length - 1), "closed", false);
    }

    @Test
    void reportsCleanEndOfStreamAsConnectionLoss() throws Exception {
        assertFailure(new byte[0], "closed by router", false);
    }

    private void assertFailure(byte[] bytes, String reasonPart, boolean isProtocol) throws Exception {
        var filter = new ReplyFilterInputStream(new ByteArrayInputStream(bytes), observer);
        var read = new CompletableFuture<Integer>();
        awaitReportedAndParked(startReading(filter, read));
        assertThat(read).isNotDone();
        filter.close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-2);
        assertThat(failures).singleElement().asString().contains(reasonPart);
        assertThat(protocol).containsExactly(isProtocol);
    }
}
