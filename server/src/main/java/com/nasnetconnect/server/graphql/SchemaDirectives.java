package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.schema.ResourceKinds;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * schema.graphql as the GraphQL engine needs it (its text and parsed type definitions), and everything its
 * directives say as domain objects: the {@code @validate} rules ({@link ValidationRules}), the
 * {@code @mikrotik} / {@code @openwrt} field maps ({@link PlatformFieldMap}) and the {@code @sensitive} fields
 * (for {@link com.nasnetconnect.domain.schema.Redactor}). The directive tables are not parsed here: they were
 * generated from the same file at build time ({@link SchemaTables}), so a field that code uses and the schema
 * loses fails compilation.
 *
 * <p>The schema is packaged at the classpath root ({@code /schema.graphql}, copied there by the server
 * build from the repository root); {@link #read(Path)} reads another copy, e.g. in tests.
 */
public final class SchemaDirectives {
    private static final ParserOptions SDL_OPTIONS = ParserOptions.getDefaultSdlParserOptions()
            .transform(o -> o.captureSourceLocation(false).captureLineComments(false).captureIgnoredChars(false));
    private final String text;
    /** Parsed once (a parse is a tenth of start-up); {@link #registry()} hands out copies. */
    private final TypeDefinitionRegistry parsed;

    private SchemaDirectives(String text) {
        this.text = text;
        // fail at start-up on a schema that does not parse; the schema is held for the server's life, so without the
        // source location of its ~5,000 nodes and its # comments (descriptions are kept: introspection serves them)
        this.parsed = new SchemaParser().parse(new StringReader(text), SDL_OPTIONS);
    }

    /** The schema packaged with the server. */
    public static SchemaDirectives fromClasspath() {
        try (InputStream in = SchemaDirectives.class.getResourceAsStream("/schema.graphql")) {
            if (in == null) throw new IllegalStateException("schema.graphql is not on the classpath");
            return new SchemaDirectives(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchemaDirectives read(Path schemaFile) {
        try {
            return new SchemaDirectives(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + schemaFile, e);
        }
    }

    public static SchemaDirectives parse(String sdl) {
        return new SchemaDirectives(sdl);
    }

    public String text() {
        return text;
    }

    /** A fresh copy of the parsed type definitions (graphql-java consumes registries while building). */
    public TypeDefinitionRegistry registry() {
        return new TypeDefinitionRegistry().merge(parsed);
    }

    public ValidationRules validationRules() {
        return SchemaTables.validationRules();
    }

    public PlatformFieldMap mikrotik() {
        return SchemaTables.mikrotik();
    }

    public PlatformFieldMap openwrt() {
        return SchemaTables.openwrt();
    }

    /** Type name -> its {@code @sensitive} fields, for input and output types alike. */
    public Map<String, Set<String>> sensitiveFields() {
        return SchemaTables.sensitiveFields();
    }

    /** {@code BRIDGE_PORT} -> {@code BridgePort}: the naming convention the schema follows for kinds. */
    public static String typeName(ResourceKind kind) {
        return ResourceKinds.typeName(kind);
    }
}
