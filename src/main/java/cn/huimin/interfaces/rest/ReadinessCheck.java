package cn.huimin.interfaces.rest;

import cn.huimin.infrastructure.Database;
import cn.huimin.process.Bootstrap;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** UP only when the database answers, the process engine is running, the pages are built and bid sealing is compiled. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    @EJB
    Bootstrap bootstrap;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean db;
        try (Connection c = dataSource.getConnection()) {
            db = c.isValid(2);
        } catch (Exception e) {
            db = false;
        }
        boolean engine = bootstrap.isReady() && !bootstrap.engine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("tender-preparation").list().isEmpty();
        boolean pages = cn.huimin.interfaces.web.FacesReady.isReady();
        boolean sealing = bootstrap.isSealingWarm();
        return HealthCheckResponse.named("huimin").status(db && engine && pages && sealing).withData("database", db)
                .withData("engine", engine).withData("pages", pages).withData("sealing", sealing).build();
    }
}
