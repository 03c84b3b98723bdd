package com.nasnetconnect.storage.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one borrowed connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
