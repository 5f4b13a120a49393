package org.mailshelf.store.derby.internal;

import javax.sql.DataSource;

/** An opened database a {@link JdbcMailStore} runs on; closing it releases the database (files, locks). */
interface Database extends AutoCloseable {

    DataSource dataSource();

    Dialect dialect();

    @Override
    void close();
}
