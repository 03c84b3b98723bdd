package com.nasnetconnect.server.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each distinct query text once: integrations and the UI send the same few documents again and
 * again (variables change, the text does not), and parsing plus validation cost more than most fetchers. Keyed by the
 * exact text; validation depends only on the schema, so an entry is right for every caller. Depth and cost limits
 * still run on every execution (they are execution instrumentation). Bounded by count, and a text longer than
 * {@code maxQueryLength} is never kept, so a client sending endless distinct queries cannot grow it; Caffeine's
 * admission policy keeps the frequent documents when such a scan passes through.
 */
final class DocumentCache implements PreparsedDocumentProvider {
    private final Cache<String, PreparsedDocumentEntry> entries;
    private final int maxQueryLength;

    DocumentCache(int maxEntries, int maxQueryLength) {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries < 1: " + maxEntries);
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.maxQueryLength = maxQueryLength;
    }

    static DocumentCache defaults() {
        return new DocumentCache(1_000, 16 * 1024);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query == null || query.length() > maxQueryLength) return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        return CompletableFuture.completedFuture(entries.get(query, q -> parseAndValidate.apply(input)));
    }

    /** Documents kept now (for tests and metrics). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
