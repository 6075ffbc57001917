package cn.huimin.process;

import cn.huimin.domain.shared.Envelope;

import cn.huimin.application.DemoData;
import cn.huimin.application.WorkingDays;
import cn.huimin.infrastructure.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import jakarta.transaction.TransactionManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Starts Huimin in order: database migrations, the process engine on the container's JTA, the official calendar,
 * demo data when asked for. Bean-managed transactions on purpose: with container-managed ones Camunda's schema
 * creation is lost on PostgreSQL.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    /** Every BPMN and DMN file of processes/, deployed together. ProcessResourcesTest keeps this list complete. */
    public static final List<String> PROCESS_RESOURCES = List.of(
            "processes/tender-preparation.bpmn",
            "processes/tender-change.bpmn",
            "processes/vendor-verification.bpmn",
            "processes/vendor-document.bpmn",
            "processes/enquiry.bpmn",
            "processes/bid-opening.bpmn",
            "processes/evaluation.bpmn",
            "processes/committee-size.dmn",
            "processes/award.bpmn",
            "processes/challenge.bpmn",
            "processes/contract-signing.bpmn",
            "processes/contract-term.bpmn",
            "processes/performance-evaluation.bpmn",
            "processes/single-source.bpmn",
            "processes/payment-share.dmn",
            "processes/finance-approval.dmn");

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;



    @Inject
    BeanManager beanManager;

    @Inject
    WorkingDays workingDays;

    @Inject
    DemoData demoData;

    @Inject
    @ConfigProperty(name = "huimin.demo.data", defaultValue = "false")
    boolean loadDemoData;

    @Inject
    @ConfigProperty(name = "huimin.admin.password")
    java.util.Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "huimin.warmup.seconds", defaultValue = "20")
    int warmUpSeconds;

    private volatile ProcessEngine engine;
    private volatile boolean ready;
    private volatile boolean sealingWarm;
    private final long warmUpStarted = System.nanoTime();

    @PostConstruct
    void start() {
        warmUpSealing();
        try {
            migrate();
            engine = buildEngine();
            running = engine;
            deploy();
            workingDays.ensureOfficialSchedule();
            if (loadDemoData) {
                demoData.load();
            }
            demoData.firstAdmin(adminPassword.orElse(null));
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().start();
            ready = true;
            long took = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("Huimin engine and database ready after " + took + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("Huimin could not start: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        ready = false;
        running = null;
        if (engine != null) {
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
            engine.close();
        }
    }

    private static volatile ProcessEngine running;

    /**
     * The engine without a call through this singleton's proxy: for code that also runs while the singleton is
     * still starting (demo data), where such a call would be refused as a loopback.
     */
    public static ProcessEngine running() {
        if (running == null) {
            throw new IllegalStateException("process engine not started");
        }
        return running;
    }

    public ProcessEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("process engine not started");
        }
        return engine;
    }

    public boolean isReady() {
        return ready;
    }

    /** True once the sealing warm-up has ended (readiness waits for it). */
    public boolean isSealingWarm() {
        // should the warm-up task never run (refused or dropped by the executor), readiness does not wait for ever
        return sealingWarm || System.nanoTime() - warmUpStarted > (warmUpSeconds + 10) * 1_000_000_000L;
    }

    /**
     * Compiles the bid sealing (AES-GCM, SHA-256) before the first request, beside the start-up: under a burst of
     * uploads the JIT's compiler thread would get too little CPU to do it (see {@link Envelope#warmUp}).
     */
    private void warmUpSealing() {
        if (warmUpSeconds <= 0) {
            sealingWarm = true;
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    Envelope.WarmUp w = Envelope.warmUp(warmUpSeconds * 1000L);
                    LOG.info(String.format(java.util.Locale.ROOT, "Sealing warm-up: %s after %d rounds in %d ms (1 MB sealed and hashed in %.1f ms)",
                            w.fast() ? "compiled" : "still slow", w.rounds(), w.millis(), w.msPerMegabyte()));
                } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.WARNING, "Sealing warm-up failed", e);
                } finally {
                    sealingWarm = true;
                }
            });
        } catch (RuntimeException e) {
            // an optimisation only: the start-up goes on without it
            LOG.log(java.util.logging.Level.WARNING, "Sealing warm-up not started", e);
            sealingWarm = true;
        }
    }

    private void migrate() throws Exception {
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of(
                        "bytes", postgres ? "bytea" : "varbinary",
                        "sealedAttachmentStorage", postgres
                                ? "alter table bid_attachment alter column sealed_content set storage external"
                                : "comment on column bid_attachment.sealed_content is 'AES-GCM ciphertext'",
                        "sealedBidStorage", postgres
                                ? "alter table bid alter column sealed_content set storage external"
                                : "comment on column bid.sealed_content is 'AES-GCM ciphertext'"))
                .load()
                .migrate();
    }

    private ProcessEngine buildEngine() throws Exception {
        TransactionManager tm = (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
        JakartaTransactionProcessEngineConfiguration cfg = new JakartaTransactionProcessEngineConfiguration();
        cfg.setProcessEngineName("huimin");
        cfg.setDataSource(dataSource);
        cfg.setTransactionManager(tm);
        cfg.setTransactionsExternallyManaged(true);
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setHistory("full");
        cfg.setBeans(new CdiBeansMap(beanManager));
        ManagedJobExecutor jobs = new ManagedJobExecutor(executor);
        // look for due jobs at least every 10 s (the engine's default backs off to 60 s): an opening runs within
        // seconds of its deadline
        jobs.setMaxWait(10_000);
        cfg.setJobExecutor(jobs);
        cfg.setJobExecutorActivate(false);
        cfg.setJobExecutorDeploymentAware(true);
        cfg.setCustomPostBPMNParseListeners(new java.util.ArrayList<>(java.util.List.of(new UnitRouting())));
        // hardening
        cfg.setJavaSerializationFormatEnabled(false);
        cfg.setDeserializationTypeValidationEnabled(true);
        cfg.setEnableExpressionsInStoredQueries(false);
        cfg.setQueryMaxResultsLimit(1000);
        cfg.setCmmnEnabled(false);
        cfg.setStandaloneTasksEnabled(false);
        cfg.setEnableXxeProcessing(false);
        cfg.setEnforceHistoryTimeToLive(true);
        cfg.setAuthorizationEnabled(false);
        // simple DMN expressions (comparisons, string literals) through the JUEL-based FEEL engine
        cfg.setDmnFeelEnableLegacyBehavior(true);
        return cfg.buildProcessEngine();
    }

    private void deploy() {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name("huimin").source("huimin").enableDuplicateFiltering(true);
        ClassLoader cl = getClass().getClassLoader();
        for (String resource : PROCESS_RESOURCES) {
            InputStream in = cl.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("missing process resource " + resource);
            }
            builder.addInputStream(resource, in);
        }
        builder.deploy();
        for (Deployment d : engine.getRepositoryService().createDeploymentQuery().list()) {
            engine.getManagementService().registerDeploymentForJobExecutor(d.getId());
        }
    }
}
