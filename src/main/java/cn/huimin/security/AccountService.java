package cn.huimin.security;

import cn.huimin.application.AuditLog;
import cn.huimin.domain.model.user.AppUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks passwords and keeps the lockout counters; every attempt is audited. */
@Stateless
public class AccountService {
    public enum Outcome { OK, INVALID, LOCKED }

    public record Result(Outcome outcome, String username, Set<String> roles) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /**
     * Checks a password. A successful check writes nothing unless it clears earlier failures, and only an interactive
     * (page) login is audited as LOGIN: every /api call carries its credentials, and its actions are audited
     * themselves. Failures and lockouts are always audited; the failure counter is updated under a row lock. A
     * successful /api check is remembered for a few minutes against the stored hash (see {@link VerifiedCredentials}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result authenticate(String username, String password, boolean interactive) {
        if (username == null || password == null || username.isBlank() || username.length() > 64) {
            return new Result(Outcome.INVALID, null, Set.of());
        }
        List<AppUser> found = em.createQuery("select u from AppUser u where u.username = :n", AppUser.class)
                .setParameter("n", username.trim()).getResultList();
        Instant now = Instant.now();
        if (found.isEmpty()) {
            // same cost as a real check, so timing does not reveal which accounts exist
            PasswordHasher.verify(password.toCharArray(), DUMMY_HASH);
            audit.record(username.trim(), "LOGIN_FAILED", "user", null, null, Map.of("reason", "unknown user"));
            return new Result(Outcome.INVALID, null, Set.of());
        }
        AppUser u = found.get(0);
        if (!u.isActive()) {
            CREDENTIALS.forget(u.getUsername());
            audit.record(u.getUsername(), "LOGIN_FAILED", "user", u.getId(), null, Map.of("reason", "inactive"));
            return new Result(Outcome.INVALID, null, Set.of());
        }
        if (u.isLocked(now)) {
            CREDENTIALS.forget(u.getUsername());
            audit.record(u.getUsername(), "LOGIN_REFUSED_LOCKED", "user", u.getId(), null, Map.of("lockedUntil", u.getLockedUntil().toString()));
            return new Result(Outcome.LOCKED, u.getUsername(), Set.of());
        }
        boolean remembered = !interactive && CREDENTIALS.matches(u.getUsername(), password, u.getPasswordHash());
        if (!remembered && !PasswordHasher.verify(password.toCharArray(), u.getPasswordHash())) {
            CREDENTIALS.forget(u.getUsername());
            em.refresh(u, LockModeType.PESSIMISTIC_WRITE);
            int failures = u.getFailedAttempts() + 1;
            Instant lock = LoginPolicy.lockAfterFailure(failures, now);
            u.setFailedAttempts(lock == null ? failures : 0);
            u.setLockedUntil(lock);
            audit.record(u.getUsername(), lock == null ? "LOGIN_FAILED" : "ACCOUNT_LOCKED", "user", u.getId(), null,
                    Map.of("failures", failures));
            return new Result(lock == null ? Outcome.INVALID : Outcome.LOCKED, u.getUsername(), Set.of());
        }
        if (u.getFailedAttempts() != 0 || u.getLockedUntil() != null) {
            em.refresh(u, LockModeType.PESSIMISTIC_WRITE);
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
        }
        if (interactive) {
            audit.record(u.getUsername(), "LOGIN", "user", u.getId(), null, null);
        } else if (!remembered) {
            CREDENTIALS.remember(u.getUsername(), password, u.getPasswordHash());
        }
        return new Result(Outcome.OK, u.getUsername(), u.roleSet());
    }

    /**
     * /api calls carry their credentials every time; a match is remembered for a few minutes (see VerifiedCredentials),
     * while the account row is still read and checked on every call. Page logins always run the full check.
     */
    static final VerifiedCredentials CREDENTIALS = new VerifiedCredentials();

    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());
}
