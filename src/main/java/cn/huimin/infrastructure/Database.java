package cn.huimin.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one datasource, shared by the process engine and JPA so that one JTA transaction covers both.
 * Configured by MicroProfile Config: HUIMIN_DB_URL, HUIMIN_DB_USER, HUIMIN_DB_PASSWORD (and HUIMIN_DB_CLASS,
 * which deployments/run.sh derives from the URL).
 */
@DataSourceDefinition(name = Database.JNDI,
        className = "${MPCONFIG=huimin.db.class:org.h2.Driver}",
        url = "${MPCONFIG=huimin.db.url:jdbc:h2:file:./data/huimin;AUTO_SERVER=TRUE}",
        user = "${MPCONFIG=huimin.db.user:sa}",
        password = "${MPCONFIG=huimin.db.password:}",
        minPoolSize = 2,
        maxPoolSize = 30)
public final class Database {
    public static final String JNDI = "java:app/jdbc/huimin";

    private Database() {
    }
}
