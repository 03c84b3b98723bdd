package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.state.StoredTime;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;

/** The schema's custom scalars: {@code DateTime} (ISO-8601 instant) and {@code JSON} (any value). */
final class Scalars {
    private Scalars() {
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .description("An instant, ISO-8601 with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object v, GraphQLContext c, Locale l) {
                    if (v instanceof Instant i) return i.toString();
                    if (v instanceof OffsetDateTime o) return o.toInstant().toString();
                    throw new CoercingSerializeException("not a DateTime: " + v);
                }

                @Override
                public Instant parseValue(Object v, GraphQLContext c, Locale l) {
                    if (v instanceof String s) return parse(s, CoercingParseValueException::new);
                    throw new CoercingParseValueException("DateTime must be an ISO-8601 string, was: " + v);
                }

                @Override
                public Instant parseLiteral(Value<?> v, CoercedVariables vars, GraphQLContext c, Locale l) {
                    if (v instanceof StringValue s) return parse(s.getValue(), CoercingParseLiteralException::new);
                    throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string, was: " + v);
                }
            }).build();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object v, GraphQLContext c, Locale l) {
                    return v;
                }

                @Override
                public Object parseValue(Object v, GraphQLContext c, Locale l) {
                    return v;
                }

                @Override
                public Object parseLiteral(Value<?> v, CoercedVariables vars, GraphQLContext c, Locale l) {
                    return literal(v, vars);
                }
            }).build();

    /** An ISO-8601 instant inside {@link StoredTime}'s range (graphql-java names the argument or variable). */
    private static Instant parse(String s, java.util.function.Function<String, RuntimeException> error) {
        Instant at;
        try {
            at = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("DateTime must be ISO-8601 with offset (e.g. 2026-01-31T12:00:00Z), was: '" + s + "'");
        }
        if (!StoredTime.supports(at)) throw error.apply(StoredTime.outOfRange("DateTime", s));
        return at;
    }

    private static Object literal(Value<?> v, CoercedVariables vars) {
        return switch (v) {
            case StringValue s -> s.getValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case BooleanValue b -> b.isValue();
            case NullValue n -> null;
            case ArrayValue a -> a.getValues().stream().map(x -> literal(x, vars)).toList();
            case ObjectValue o -> {
                var m = new LinkedHashMap<String, Object>();
                o.getObjectFields().forEach(f -> m.put(f.getName(), literal(f.getValue(), vars)));
                yield m;
            }
            case VariableReference r -> vars.get(r.getName());
            default -> throw new CoercingParseLiteralException("unsupported JSON literal: " + v);
        };
    }
}
