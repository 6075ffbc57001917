package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.delivery.DeliveryRules;
import cn.huimin.domain.model.delivery.EventPhoto;
import cn.huimin.domain.model.delivery.Rating;
import cn.huimin.domain.model.delivery.RatingCode;
import cn.huimin.domain.model.delivery.RatingCodes;
import cn.huimin.domain.model.delivery.ServiceEvent;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.Envelope;
import cn.huimin.domain.shared.FileTypes;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;

/**
 * Service delivery: the vendor records each delivered event of a contract in service (a place and deliverable of the
 * contract, a date within the term, not in the future, not in a period already evaluated), with photos; the station
 * staff of the place (their station's place or a village under it) verify or dispute it; residents rate it with
 * one-time codes handed out at the event.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.STATION, Role.EVALUATOR})
public class DeliveryService {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    ContractService contracts;

    @EJB
    VendorService vendors;

    /** What the vendor reports about one event. */
    public record EventForm(Long placeId, Long deliverableTypeId, LocalDate eventDate, BigDecimal quantity, Integer attendance, String notes) {
    }

    /** An event as pages and the API show it. */
    public record EventView(Long id, Long contractId, String contractNo, Long placeId, String place, Long deliverableTypeId,
                            String deliverable, String unit, LocalDate eventDate, BigDecimal quantity, int attendance, String notes,
                            String status, String reportedBy, Instant reportedAt, String verifiedBy, Instant verifiedAt,
                            String disputeReason, int photos, long codesIssued, long ratings, BigDecimal averageStars,
                            Instant ratingsCloseAt, String ratingToken) {
    }

    @RolesAllowed(Role.VENDOR)
    public ServiceEvent record(Long contractId, EventForm f) {
        Caller caller = callers.current();
        Contract c = em.find(Contract.class, contractId == null ? -1L : contractId, LockModeType.PESSIMISTIC_READ);
        if (c == null) {
            throw AppException.notFound("contract.notFound");
        }
        Vendor me = vendors.byUsername(caller.username());
        if (me == null || !me.getId().equals(c.getVendorId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "contract", contractId, Map.of("what", "record delivery for another vendor's contract"));
            throw AppException.forbidden("contract.notYours");
        }
        if (!ContractService.IN_SERVICE.contains(c.getStatus())) {
            throw AppException.conflict("contract.notInService");
        }
        List<Violation> v = new ArrayList<>();
        if (f == null) {
            throw AppException.invalid("placeId", "validation.required");
        }
        List<ContractDeliverable> ds = contracts.deliverables(contractId);
        if (f.placeId() == null || ds.stream().noneMatch(d -> d.getPlaceId().equals(f.placeId()))) {
            v.add(new Violation("placeId", "delivery.PLACE_NOT_IN_CONTRACT"));
            audit.recordAlone(caller.username(), "DELIVERY_REFUSED", "contract", contractId, Map.of("place", String.valueOf(f.placeId())));
        } else if (f.deliverableTypeId() == null || ds.stream().noneMatch(d -> d.getPlaceId().equals(f.placeId())
                && d.getDeliverableTypeId().equals(f.deliverableTypeId()))) {
            v.add(new Violation("deliverableTypeId", "delivery.DELIVERABLE_NOT_AT_PLACE"));
        }
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        if (f.eventDate() == null) {
            v.add(new Violation("eventDate", "delivery.DATE_MISSING"));
        } else if (f.eventDate().isAfter(today)) {
            v.add(new Violation("eventDate", "delivery.DATE_IN_FUTURE"));
        } else if (f.eventDate().isBefore(c.getTermStart()) || f.eventDate().isAfter(c.getTermEnd())) {
            v.add(new Violation("eventDate", "delivery.DATE_OUTSIDE_TERM", c.getTermStart().toString(), c.getTermEnd().toString()));
        } else if (periodClosed(contractId, f.eventDate())) {
            v.add(new Violation("eventDate", "delivery.PERIOD_CLOSED"));
        }
        DeliveryRules.Problem qp = DeliveryRules.checkQuantity(f.quantity());
        if (qp != null) {
            v.add(new Violation("quantity", "delivery." + qp.name()));
        }
        if (f.attendance() == null || f.attendance() < 0) {
            v.add(new Violation("attendance", "delivery.ATTENDANCE_NEGATIVE"));
        } else if (f.attendance() > DeliveryRules.MAX_ATTENDANCE) {
            v.add(new Violation("attendance", "delivery.ATTENDANCE_TOO_LARGE", DeliveryRules.MAX_ATTENDANCE));
        }
        if (f.notes() != null && f.notes().length() > 4000) {
            v.add(new Violation("notes", "validation.tooLong", 4000));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        ServiceEvent e = new ServiceEvent();
        e.setContractId(contractId);
        e.setPlaceId(f.placeId());
        e.setDeliverableTypeId(f.deliverableTypeId());
        e.setEventDate(f.eventDate());
        e.setQuantity(f.quantity().setScale(1, RoundingMode.UNNECESSARY));
        e.setAttendance(f.attendance());
        e.setNotes(f.notes() == null || f.notes().isBlank() ? null : f.notes().strip());
        e.setStatus("REPORTED");
        e.setReportedBy(caller.username());
        e.setReportedAt(Instant.now());
        e.setRatingToken(RatingCodes.newToken());
        e.setRatingsCloseAt(DeliveryRules.ratingsClose(f.eventDate()));
        em.persist(e);
        em.flush();
        audit.record(caller.username(), "DELIVERY_RECORDED", "contract", contractId, null, Map.of("event", e.getId(),
                "place", f.placeId(), "deliverable", f.deliverableTypeId(), "date", f.eventDate().toString(),
                "quantity", e.getQuantity().toPlainString(), "attendance", f.attendance()));
        return e;
    }

    /** Whether the period containing the date was already evaluated (or is being evaluated). */
    boolean periodClosed(Long contractId, LocalDate date) {
        return em.createQuery("select count(m) from Milestone m where m.contractId = :c and m.periodStart <= :d and m.periodEnd >= :d "
                        + "and m.status <> 'PENDING'", Long.class)
                .setParameter("c", contractId).setParameter("d", date).getSingleResult() > 0;
    }

    /** Adds a photo (JPEG or PNG by content, at most 10 MB, at most 6 per event) to the caller's own event. */
    @RolesAllowed(Role.VENDOR)
    public EventPhoto addPhoto(Long eventId, String fileName, byte[] content) {
        Caller caller = callers.current();
        ServiceEvent e = ownEvent(eventId, caller);
        if (!"REPORTED".equals(e.getStatus())) {
            throw AppException.conflict("delivery.alreadyChecked");
        }
        FileTypes.Problem p = FileTypes.check(fileName, content, FileTypes.PHOTOS);
        if (p == null && content.length > DeliveryRules.MAX_PHOTO_BYTES) {
            p = FileTypes.Problem.TOO_LARGE;
        }
        if (p != null) {
            audit.recordAlone(caller.username(), "PHOTO_REFUSED", "event", eventId, Map.of("problem", p.name(), "name", String.valueOf(fileName)));
            throw AppException.invalid("file", "photo." + p.name());
        }
        long n = em.createQuery("select count(p) from EventPhoto p where p.eventId = :e", Long.class).setParameter("e", eventId).getSingleResult();
        if (n >= DeliveryRules.MAX_PHOTOS) {
            throw AppException.invalid("file", "photo.tooMany", DeliveryRules.MAX_PHOTOS);
        }
        EventPhoto ph = new EventPhoto();
        ph.setEventId(eventId);
        ph.setFileName(fileName);
        ph.setContentType(FileTypes.detect(content) == FileTypes.Type.PNG ? "image/png" : "image/jpeg");
        ph.setSizeBytes(content.length);
        ph.setSha256(Envelope.sha256Hex(content));
        ph.setContent(content);
        ph.setUploadedAt(Instant.now());
        em.persist(ph);
        em.flush();
        em.detach(ph);
        audit.record(caller.username(), "PHOTO_ADDED", "event", eventId, null, Map.of("photo", ph.getId(), "sha256", ph.getSha256()));
        return ph;
    }

    /** A photo of an event, for whoever may read the event. */
    @PermitAll
    public EventPhoto photo(Long photoId) {
        EventPhoto p = photoId == null ? null : em.find(EventPhoto.class, photoId);
        if (p == null) {
            throw AppException.notFound("delivery.notFound");
        }
        readableEvent(p.getEventId());
        return p;
    }

    @PermitAll
    public List<Map<String, Object>> photos(Long eventId) {
        readableEvent(eventId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select p.id, p.fileName, p.sizeBytes, p.contentType from EventPhoto p where p.eventId = :e order by p.id", Object[].class)
                .setParameter("e", eventId).getResultList()) {
            out.add(Map.of("id", r[0], "fileName", r[1], "sizeBytes", r[2], "contentType", r[3]));
        }
        return out;
    }

    /**
     * The station staff verify or dispute (with the reason) an event at their place: their station's place or any
     * place under it.
     */
    @RolesAllowed(Role.STATION)
    public ServiceEvent check(Long eventId, String decision, String reason) {
        Caller caller = callers.current();
        ServiceEvent e = eventId == null ? null : em.find(ServiceEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("delivery.notFound");
        }
        if (!stationPlaces(caller).contains(e.getPlaceId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "event", eventId, Map.of("what", "verify an event outside the station's place"));
            throw AppException.forbidden("delivery.notYourPlace");
        }
        if (!"REPORTED".equals(e.getStatus())) {
            throw AppException.conflict("delivery.alreadyChecked");
        }
        if (periodClosed(e.getContractId(), e.getEventDate())) {
            throw AppException.conflict("delivery.PERIOD_CLOSED");
        }
        Instant now = Instant.now();
        switch (decision == null ? "" : decision) {
            case "VERIFY" -> e.setStatus("VERIFIED");
            case "DISPUTE" -> {
                if (reason == null || reason.isBlank()) {
                    throw AppException.invalid("reason", "delivery.disputeReasonRequired");
                }
                if (reason.length() > 4000) {
                    throw AppException.invalid("reason", "validation.tooLong", 4000);
                }
                e.setStatus("DISPUTED");
                e.setDisputeReason(reason.strip());
            }
            default -> throw AppException.invalid("decision", "task.decisionUnknown", "VERIFY, DISPUTE");
        }
        e.setVerifiedBy(caller.username());
        e.setVerifiedAt(now);
        audit.record(caller.username(), "DELIVERY_" + e.getStatus(), "contract", e.getContractId(), null, Map.of("event", e.getId(),
                "reason", e.getDisputeReason() == null ? "" : e.getDisputeReason()));
        return e;
    }

    /** The places a station user serves: the place of his station and every place under it. */
    Set<Long> stationPlaces(Caller caller) {
        if (caller.unitId() == null) {
            return Set.of();
        }
        Long root = em.createQuery("select u.placeId from PurchasingUnit u where u.id = :u", Long.class).setParameter("u", caller.unitId())
                .getResultStream().findFirst().orElse(null);
        return root == null ? Set.of() : subtree(root);
    }

    /** A place and every place under it. */
    @PermitAll
    public Set<Long> subtree(Long root) {
        Set<Long> all = new HashSet<>();
        all.add(root);
        List<Long> frontier = List.of(root);
        while (!frontier.isEmpty()) {
            frontier = em.createQuery("select p.id from Place p where p.parentId in :ps", Long.class).setParameter("ps", frontier).getResultList();
            frontier = frontier.stream().filter(all::add).toList();
        }
        return all;
    }

    // ------------------------------------------------------------------ ratings

    /** Issues one-time rating codes for an event (the vendor of the event or the station staff of its place); returns them once, in clear. */
    @RolesAllowed({Role.VENDOR, Role.STATION})
    public List<String> issueCodes(Long eventId, int count) {
        Caller caller = callers.current();
        ServiceEvent e = eventId == null ? null : em.find(ServiceEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("delivery.notFound");
        }
        boolean allowed = caller.has(Role.STATION) ? stationPlaces(caller).contains(e.getPlaceId()) : ownsEvent(e, caller);
        if (!allowed) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "event", eventId, Map.of("what", "issue rating codes"));
            throw AppException.forbidden("delivery.notYourEvent");
        }
        if ("DISPUTED".equals(e.getStatus()) || Instant.now().isAfter(e.getRatingsCloseAt())) {
            throw AppException.conflict("rating.closed");
        }
        long issued = em.createQuery("select count(r) from RatingCode r where r.eventId = :e", Long.class).setParameter("e", eventId).getSingleResult();
        if (count < 1 || count > DeliveryRules.MAX_CODES_PER_BATCH) {
            throw AppException.invalid("count", "rating.countRange", DeliveryRules.MAX_CODES_PER_BATCH);
        }
        if (issued + count > e.getAttendance()) {
            throw AppException.invalid("count", "rating.moreThanAttendance", e.getAttendance(), issued);
        }
        List<String> codes = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String code = RatingCodes.newCode();
            RatingCode rc = new RatingCode();
            rc.setEventId(eventId);
            rc.setCodeHash(RatingCodes.hash(e.getRatingToken(), code));
            rc.setIssuedBy(caller.username());
            rc.setIssuedAt(now);
            em.persist(rc);
            codes.add(RatingCodes.printed(code));
        }
        audit.record(caller.username(), "RATING_CODES_ISSUED", "event", eventId, null, Map.of("count", count, "total", issued + count));
        return codes;
    }

    /** What the public rating page shows of an event: what, where, when, and whether it can still be rated. */
    public record PublicEvent(String token, String deliverableZh, String deliverableEn, String placeZh, String placeEn, LocalDate eventDate,
                              String vendor, boolean open, Instant closesAt) {
    }

    @PermitAll
    public PublicEvent publicEvent(String token) {
        ServiceEvent e = byToken(token);
        DeliverableType dt = em.find(DeliverableType.class, e.getDeliverableTypeId());
        Place p = em.find(Place.class, e.getPlaceId());
        Contract c = em.find(Contract.class, e.getContractId());
        return new PublicEvent(token, dt.getNameZh(), dt.getNameEn(), p.getNameZh(), p.getNameEn(), e.getEventDate(),
                contracts.vendorName(c.getVendorId()), ratingOpen(e), e.getRatingsCloseAt());
    }

    private boolean ratingOpen(ServiceEvent e) {
        return !"DISPUTED".equals(e.getStatus()) && !Instant.now().isAfter(e.getRatingsCloseAt());
    }

    private ServiceEvent byToken(String token) {
        if (token == null || token.length() > 32) {
            throw AppException.notFound("rating.eventNotFound");
        }
        return em.createQuery("select e from ServiceEvent e where e.ratingToken = :t", ServiceEvent.class).setParameter("t", token)
                .getResultStream().findFirst().orElseThrow(() -> AppException.notFound("rating.eventNotFound"));
    }

    /** A resident rates an event with a one-time code: 1–5 stars and an optional comment. No login. */
    @PermitAll
    public Rating rate(String token, String typedCode, Integer stars, String comment) {
        ServiceEvent e = byToken(token);
        List<Violation> v = new ArrayList<>();
        if (stars == null || stars < 1 || stars > 5) {
            v.add(new Violation("stars", "rating.starsRange"));
        }
        if (comment != null && comment.length() > 1000) {
            v.add(new Violation("comment", "validation.tooLong", 1000));
        }
        String code = RatingCodes.normalize(typedCode);
        if (code == null) {
            v.add(new Violation("code", "rating.codeInvalid"));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        if (!ratingOpen(e)) {
            throw AppException.conflict("rating.closed");
        }
        RatingCode rc = em.createQuery("select r from RatingCode r where r.codeHash = :h and r.eventId = :e", RatingCode.class)
                .setParameter("h", RatingCodes.hash(token, code)).setParameter("e", e.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (rc == null) {
            audit.recordAlone("anonymous", "RATING_CODE_REFUSED", "event", e.getId(), Map.of("reason", "unknown code"));
            throw AppException.invalid("code", "rating.codeInvalid");
        }
        if (rc.getUsedAt() != null) {
            audit.recordAlone("anonymous", "RATING_CODE_REFUSED", "event", e.getId(), Map.of("reason", "used code", "code", rc.getId()));
            throw AppException.conflict("rating.codeUsed");
        }
        Instant now = Instant.now();
        rc.setUsedAt(now);
        Rating r = new Rating();
        r.setEventId(e.getId());
        r.setCodeId(rc.getId());
        r.setStars(stars);
        r.setComment(comment == null || comment.isBlank() ? null : comment.strip());
        r.setRatedAt(now);
        em.persist(r);
        em.flush();
        audit.record("anonymous", "EVENT_RATED", "event", e.getId(), null, Map.of("rating", r.getId(), "stars", stars));
        return r;
    }

    /** Closes the ratings of the events of a period when its evaluation starts. */
    @PermitAll
    public int closeRatings(Long contractId, LocalDate from, LocalDate to) {
        Instant now = Instant.now();
        return em.createQuery("update ServiceEvent e set e.ratingsCloseAt = :now where e.contractId = :c and e.eventDate >= :f "
                        + "and e.eventDate <= :t and e.ratingsCloseAt > :now")
                .setParameter("now", now).setParameter("c", contractId).setParameter("f", from).setParameter("t", to).executeUpdate();
    }

    // ------------------------------------------------------------------ reading

    /** Events of a contract (newest first), for its parties, the purchaser's staff, station staff and evaluators. */
    @PermitAll
    public List<EventView> events(Long contractId, int first, int size) {
        Contract c = contracts.contract(contractId);
        if (!contracts.mayRead(c, callers.current())) {
            audit.recordAlone(callers.current().username(), "ACCESS_DENIED", "contract", contractId, Map.of("what", "read deliveries"));
            throw AppException.forbidden("contract.notYours");
        }
        List<ServiceEvent> list = em.createQuery("select e from ServiceEvent e where e.contractId = :c order by e.eventDate desc, e.id desc", ServiceEvent.class)
                .setParameter("c", contractId).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList();
        return views(list);
    }

    @PermitAll
    public long eventCount(Long contractId) {
        return em.createQuery("select count(e) from ServiceEvent e where e.contractId = :c", Long.class).setParameter("c", contractId).getSingleResult();
    }

    /** Events waiting for the calling station user's check, oldest first. */
    @RolesAllowed(Role.STATION)
    public List<EventView> toCheck(int first, int size) {
        Set<Long> places = stationPlaces(callers.current());
        if (places.isEmpty()) {
            return List.of();
        }
        return views(em.createQuery("select e from ServiceEvent e where e.placeId in :p and e.status = 'REPORTED' order by e.eventDate, e.id", ServiceEvent.class)
                .setParameter("p", places).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList());
    }

    /** Recent events at the station's places, whatever their state, newest first. */
    @RolesAllowed(Role.STATION)
    public List<EventView> atMyPlaces(int first, int size) {
        Set<Long> places = stationPlaces(callers.current());
        if (places.isEmpty()) {
            return List.of();
        }
        return views(em.createQuery("select e from ServiceEvent e where e.placeId in :p order by e.eventDate desc, e.id desc", ServiceEvent.class)
                .setParameter("p", places).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList());
    }

    @PermitAll
    public EventView event(Long eventId) {
        return views(List.of(readableEvent(eventId))).get(0);
    }

    ServiceEvent readableEvent(Long eventId) {
        ServiceEvent e = eventId == null ? null : em.find(ServiceEvent.class, eventId);
        if (e == null) {
            throw AppException.notFound("delivery.notFound");
        }
        Caller caller = callers.current();
        boolean ok = caller.has(Role.STATION) && !caller.countyWide()
                ? stationPlaces(caller).contains(e.getPlaceId())
                : contracts.mayRead(contracts.contract(e.getContractId()), caller);
        if (!ok) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "event", eventId, Map.of("what", "read event"));
            throw AppException.forbidden("delivery.notYourEvent");
        }
        return e;
    }

    private boolean ownsEvent(ServiceEvent e, Caller caller) {
        Vendor me = vendors.byUsername(caller.username());
        Contract c = em.find(Contract.class, e.getContractId());
        return me != null && me.getId().equals(c.getVendorId());
    }

    private ServiceEvent ownEvent(Long eventId, Caller caller) {
        ServiceEvent e = eventId == null ? null : em.find(ServiceEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("delivery.notFound");
        }
        if (!ownsEvent(e, caller)) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "event", eventId, Map.of("what", "change another vendor's event"));
            throw AppException.forbidden("delivery.notYourEvent");
        }
        return e;
    }

    List<EventView> views(List<ServiceEvent> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(ServiceEvent::getId).toList();
        Map<Long, Long> photos = counts("select p.eventId, count(p) from EventPhoto p where p.eventId in :ids group by p.eventId", ids);
        Map<Long, Long> codes = counts("select r.eventId, count(r) from RatingCode r where r.eventId in :ids group by r.eventId", ids);
        Map<Long, Long> ratings = counts("select r.eventId, count(r) from Rating r where r.eventId in :ids group by r.eventId", ids);
        Map<Long, BigDecimal> avg = new HashMap<>();
        for (Object[] r : em.createQuery("select r.eventId, avg(r.stars) from Rating r where r.eventId in :ids group by r.eventId", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            avg.put((Long) r[0], BigDecimal.valueOf(((Number) r[1]).doubleValue()).setScale(2, RoundingMode.HALF_UP));
        }
        List<EventView> out = new ArrayList<>();
        Map<Long, Contract> cs = new HashMap<>();
        for (ServiceEvent e : list) {
            Contract c = cs.computeIfAbsent(e.getContractId(), id -> em.find(Contract.class, id));
            DeliverableType dt = em.find(DeliverableType.class, e.getDeliverableTypeId());
            Place p = em.find(Place.class, e.getPlaceId());
            out.add(new EventView(e.getId(), c.getId(), c.getContractNo(), p.getId(), p.getNameZh() + " " + p.getNameEn(), dt.getId(),
                    dt.getNameZh() + " " + dt.getNameEn(), dt.getUnitZh() + " " + dt.getUnitEn(), e.getEventDate(), e.getQuantity(),
                    e.getAttendance(), e.getNotes(), e.getStatus(), e.getReportedBy(), e.getReportedAt(), e.getVerifiedBy(), e.getVerifiedAt(),
                    e.getDisputeReason(), photos.getOrDefault(e.getId(), 0L).intValue(), codes.getOrDefault(e.getId(), 0L),
                    ratings.getOrDefault(e.getId(), 0L), avg.get(e.getId()), e.getRatingsCloseAt(), e.getRatingToken()));
        }
        return out;
    }

    private Map<Long, Long> counts(String jpql, List<Long> ids) {
        Map<Long, Long> m = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
            m.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }

    // ------------------------------------------------------------------ schedule

    /** One row of the schedule view: a place, a deliverable and a month, planned against delivered and verified. */
    public record ScheduleRow(String place, String deliverable, String unit, YearMonth month, BigDecimal planned, BigDecimal delivered,
                              BigDecimal verified) {
    }

    /** Per place, deliverable and month of the term: planned vs delivered (reported or verified) vs verified. */
    @PermitAll
    public List<ScheduleRow> schedule(Long contractId) {
        Contract c = contracts.readable(contractId);
        Map<String, BigDecimal[]> done = new HashMap<>();
        for (Object[] r : em.createQuery("select e.placeId, e.deliverableTypeId, e.eventDate, e.quantity, e.status from ServiceEvent e "
                + "where e.contractId = :c and e.status <> 'DISPUTED'", Object[].class).setParameter("c", contractId).getResultList()) {
            YearMonth ym = YearMonth.from((LocalDate) r[2]);
            BigDecimal[] acc = done.computeIfAbsent(r[0] + ":" + r[1] + ":" + ym, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            acc[0] = acc[0].add((BigDecimal) r[3]);
            if ("VERIFIED".equals(r[4])) {
                acc[1] = acc[1].add((BigDecimal) r[3]);
            }
        }
        List<ScheduleRow> rows = new ArrayList<>();
        for (ContractDeliverable d : contracts.deliverables(contractId)) {
            Place p = em.find(Place.class, d.getPlaceId());
            DeliverableType dt = em.find(DeliverableType.class, d.getDeliverableTypeId());
            for (YearMonth ym = YearMonth.from(c.getTermStart()); !ym.isAfter(YearMonth.from(c.getTermEnd())); ym = ym.plusMonths(1)) {
                BigDecimal planned = DeliveryRules.planned(d.getQuantity(), d.getPerPeriod(), ym.atDay(1), ym.atEndOfMonth(), c.getTermStart(), c.getTermEnd());
                BigDecimal[] acc = done.getOrDefault(d.getPlaceId() + ":" + d.getDeliverableTypeId() + ":" + ym, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                rows.add(new ScheduleRow(p.getNameZh() + " " + p.getNameEn(), dt.getNameZh() + " " + dt.getNameEn(), dt.getUnitZh() + " " + dt.getUnitEn(),
                        ym, planned, acc[0].setScale(1, RoundingMode.HALF_UP), acc[1].setScale(1, RoundingMode.HALF_UP)));
            }
        }
        return rows;
    }
}
