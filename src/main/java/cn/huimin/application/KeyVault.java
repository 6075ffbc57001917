package cn.huimin.application;

import cn.huimin.domain.model.bid.TenderKey;
import cn.huimin.domain.shared.Envelope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the master key (HUIMIN_MASTER_KEY, base64 of 32 random bytes) and the per-tender data keys it wraps. The
 * master key never reaches the database or a log; data keys are stored only wrapped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class KeyVault {
    private static final Logger LOG = Logger.getLogger(KeyVault.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "huimin.master.key")
    Optional<String> configuredKey;

    private volatile byte[] master;
    private volatile String problem;
    private final Map<Long, byte[]> dataKeys = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        try {
            master = Envelope.parseMasterKey(configuredKey.orElse(null));
            LOG.info("Master key loaded (fingerprint " + Envelope.fingerprint(master) + ")");
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.severe("No usable master key (HUIMIN_MASTER_KEY): " + problem + ". Sealed bids cannot be submitted or opened.");
        }
    }

    /** The tender's data key, created (and stored wrapped) on first use. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public byte[] dataKey(Long tenderId) {
        byte[] k = dataKeys.get(tenderId);
        if (k != null) {
            return k;
        }
        byte[] m = requireMaster();
        TenderKey stored = em.find(TenderKey.class, tenderId);
        if (stored == null) {
            throw AppException.conflict("sealing.noTenderKey");
        }
        if (!Envelope.fingerprint(m).equals(stored.getMasterFingerprint())) {
            throw AppException.conflict("sealing.wrongMasterKey");
        }
        k = Envelope.open(m, stored.getWrappedKey(), Envelope.context("tender-key", tenderId));
        dataKeys.put(tenderId, k);
        return k;
    }

    /** Creates the data key of a tender at publication (in the caller's transaction). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void createDataKey(Long tenderId) {
        byte[] m = requireMaster();
        if (em.find(TenderKey.class, tenderId) != null) {
            return;
        }
        byte[] k = Envelope.newDataKey();
        TenderKey tk = new TenderKey();
        tk.setTenderId(tenderId);
        tk.setWrappedKey(Envelope.seal(m, k, Envelope.context("tender-key", tenderId)));
        tk.setMasterFingerprint(Envelope.fingerprint(m));
        tk.setCreatedAt(Instant.now());
        em.persist(tk);
    }

    private byte[] requireMaster() {
        if (master == null) {
            throw AppException.conflict("sealing.noMasterKey");
        }
        return master;
    }
}
