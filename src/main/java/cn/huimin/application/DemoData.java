package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PlaceLevel;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.security.PasswordHasher;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.*;
import java.util.logging.Logger;

/**
 * Demo data for the zero-setup run: one county, three townships, twelve villages, two purchasing units, the
 * service catalogue and a login for every role (password huimin-demo). Loaded once: a second start adds nothing.
 */
@Stateless
@PermitAll
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String PASSWORD = "huimin-demo";

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    VendorService vendors;

    @EJB
    TenderService tenders;

    @EJB
    WorkingDays workingDays;

    public void load() {
        if (!em.createQuery("select u.id from AppUser u where u.username = 'officer'", Long.class).getResultList().isEmpty()) {
            LOG.info("Demo data already present");
            return;
        }
        loadCatalogue();
        Place county = place("HM", "惠民县", "Huimin County", PlaceLevel.COUNTY, null);
        String[][] towns = {
                {"DH", "东湖镇", "Donghu Town"}, {"XS", "西山镇", "Xishan Town"}, {"NH", "南河街道", "Nanhe Street"}};
        String[][] villages = {
                {"桃源村", "Taoyuan Village"}, {"柳塘村", "Liutang Village"}, {"石桥村", "Shiqiao Village"}, {"荷花村", "Hehua Village"},
                {"松林村", "Songlin Village"}, {"云峰村", "Yunfeng Village"}, {"清泉村", "Qingquan Village"}, {"竹园村", "Zhuyuan Village"},
                {"河滨社区", "Hebin Community"}, {"新华社区", "Xinhua Community"}, {"文昌社区", "Wenchang Community"}, {"金桥社区", "Jinqiao Community"}};
        Place donghu = null;
        for (int t = 0; t < towns.length; t++) {
            Place town = place("HM-" + towns[t][0], towns[t][1], towns[t][2], PlaceLevel.TOWNSHIP, county.getId());
            if (t == 0) {
                donghu = town;
            }
            for (int v = 0; v < 4; v++) {
                String[] name = villages[t * 4 + v];
                place("HM-" + towns[t][0] + "-" + (v + 1), name[0], name[1], PlaceLevel.VILLAGE, town.getId());
            }
        }
        PurchasingUnit bureau = unit("HM-CTB", "惠民县文化和旅游局", "Huimin County Culture and Tourism Bureau", county.getId());
        PurchasingUnit station = unit("HM-DH-CS", "东湖镇综合文化站", "Donghu Town Comprehensive Cultural Station", donghu.getId());

        List<String[]> users = new ArrayList<>(List.of(
                new String[]{"admin", "系统管理员 Administrator", "admin", null},
                new String[]{"officer", "王采购 Wang (procurement officer)", "officer", "bureau"},
                new String[]{"officer2", "李采购 Li (station officer)", "officer", "station"},
                new String[]{"head", "张局长 Zhang (department head)", "head", "bureau"},
                new String[]{"finance", "赵财务 Zhao (finance)", "finance", "bureau"},
                new String[]{"supervisor", "钱监督 Qian (supervisor)", "supervisor", null},
                new String[]{"evaluator", "孙评估 Sun (third-party evaluator)", "evaluator", null},
                new String[]{"station1", "周站长 Zhou (station staff)", "station", "station"}));
        for (int i = 1; i <= 6; i++) {
            users.add(new String[]{"vendor" + i, "供应商" + i + " Vendor " + i, "vendor", null});
        }
        for (int i = 1; i <= 9; i++) {
            users.add(new String[]{"expert" + i, "评审专家" + i + " Expert " + i, "expert", null});
        }
        // every demo login has the same published password, so one hash serves them all (saves seconds at start)
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        for (String[] u : users) {
            AppUser user = new AppUser();
            user.setUsername(u[0]);
            user.setDisplayName(u[1]);
            user.setRoles(u[2]);
            user.setUnitId(u[3] == null ? null : u[3].equals("bureau") ? bureau.getId() : station.getId());
            user.setPasswordHash(hash);
            user.setActive(true);
            user.setCreatedAt(Instant.now());
            em.persist(user);
        }
        em.flush();
        demoVendors();
        demoExperts();
        demoAwards(bureau.getId());
        demoSingleSource(bureau.getId());
        audit.record("system", "DEMO_DATA_LOADED", "system", null, null,
                Map.of("places", 16, "units", 2, "users", users.size()));
        LOG.info("Demo data loaded: " + users.size() + " logins, password " + PASSWORD);
    }

    /**
     * expert1 to expert9 in the pool, every service category as a specialty; expert1 works for vendor1 and expert2
     * has a relative at vendor2, so the draw screens them out of any lot those vendors bid for.
     */
    private void demoExperts() {
        List<Long> categories = em.createQuery("select c.id from ServiceCategory c order by c.id", Long.class).getResultList();
        String[] employers = {"惠民县春雨文化服务中心", "县文化馆", "县图书馆", "市艺术学校", "县教育局", "市群众艺术馆", "县融媒体中心", "市文化研究院", "县档案馆"};
        Instant now = Instant.now();
        for (int i = 1; i <= 9; i++) {
            String first17 = String.format("33108219%02d0%d01%03d", 60 + i, 1 + i % 9, i);
            cn.huimin.domain.model.evaluation.Expert e = new cn.huimin.domain.model.evaluation.Expert();
            e.setUsername("expert" + i);
            e.setName("评审专家" + i + " Expert " + i);
            e.setIdNumberHash(cn.huimin.domain.model.evaluation.ResidentId.hash(first17 + cn.huimin.domain.model.evaluation.ResidentId.checkCharacter(first17)));
            e.setEmployer(employers[i - 1]);
            e.setAvailable(true);
            e.setActive(true);
            e.setCreatedAt(now);
            e.setUpdatedAt(now);
            e.getSpecialties().addAll(categories);
            em.persist(e);
            if (i == 2) {
                cn.huimin.domain.model.evaluation.ExpertRelation r = new cn.huimin.domain.model.evaluation.ExpertRelation();
                r.setExpertId(e.getId());
                r.setKind("RELATIVE");
                r.setOrganization("东湖文化管家服务有限公司");
                r.setNote("配偶任职 spouse works there");
                r.setActive(true);
                r.setCreatedAt(now);
                em.persist(r);
            }
        }
        em.flush();
    }

    /** vendor1 to vendor5 registered and verified, with documents in force for a year; vendor6 has no profile yet. */
    private void demoVendors() {
        String[][] names = {
                {"惠民县春雨文化服务中心", "SOCIAL_ORGANIZATION"}, {"东湖文化管家服务有限公司", "COMPANY"},
                {"西山乡村电影放映队", "SOCIAL_ORGANIZATION"}, {"南河艺术培训中心", "SOCIAL_ORGANIZATION"},
                {"惠民县文艺演出有限公司", "COMPANY"}};
        List<Long> categories = em.createQuery("select c.id from ServiceCategory c order by c.id", Long.class).getResultList();
        List<Long> places = em.createQuery("select p.id from Place p where p.level = :l order by p.id", Long.class)
                .setParameter("l", PlaceLevel.COUNTY).getResultList();
        byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.time.LocalDate expires = java.time.LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).plusYears(1);
        for (int i = 0; i < names.length; i++) {
            String first17 = String.format("%s2%s%08d%d", names[i][1].equals("COMPANY") ? "9" : "5", "331082", 10_000_000 + i * 7919, i);
            first17 = first17.substring(0, 17);
            cn.huimin.domain.model.vendor.VendorForm f = new cn.huimin.domain.model.vendor.VendorForm();
            f.setName(names[i][0]);
            f.setOrgType(names[i][1]);
            f.setUscc(first17 + cn.huimin.domain.model.vendor.Uscc.checkCharacter(first17));
            f.setLegalRep("法定代表人" + (i + 1));
            f.setContactName("联系人" + (i + 1));
            f.setContactPhone("0576-8800" + (1000 + i));
            f.setCategoryIds(categories);
            f.setPlaceIds(places);
            cn.huimin.domain.model.vendor.Vendor v = vendors.createProfile("vendor" + (i + 1), f, "system");
            for (cn.huimin.domain.model.vendor.VendorDocument.Kind k : VendorService.requiredKinds(v.getOrgType())) {
                cn.huimin.domain.model.vendor.VendorDocument d = new cn.huimin.domain.model.vendor.VendorDocument();
                d.setVendorId(v.getId());
                d.setKind(k);
                d.setFileName(k.name().toLowerCase() + ".pdf");
                d.setContentType("application/pdf");
                d.setSizeBytes(pdf.length);
                d.setSha256(cn.huimin.domain.shared.Envelope.sha256Hex(pdf));
                d.setContent(pdf);
                d.setExpiresOn(expires);
                d.setUploadedAt(Instant.now());
                em.persist(d);
            }
            // verified without starting their expiry processes here: the engine must not work inside the startup
            // transaction; Bootstrap starts the missing expiry processes once the application is up
            v.setStatus(cn.huimin.domain.model.vendor.Vendor.Status.VERIFIED);
            v.setVerifiedAt(Instant.now());
            v.setVerifiedBy("system");
            em.flush();
            audit.record("system", "VENDOR_VERIFIED", "vendor", v.getId(), null, Map.of("demo", true));
        }
    }

    /**
     * A tender whose evaluation and award are over: two lots of village film screenings in Donghu town, awarded to
     * vendor3 and vendor5, the challenge period ended without challenge. Their contract processes start with the
     * first request (as the award process does when a real challenge period ends): the officer finds the contracts
     * to sign in his inbox.
     */
    private void demoAwards(Long unitId) {
        Long film = em.createQuery("select c.id from ServiceCategory c where c.code = 'FILM'", Long.class).getSingleResult();
        Long screening = em.createQuery("select t.id from DeliverableType t where t.code = 'FLM-SCR'", Long.class).getSingleResult();
        java.time.LocalDate today = java.time.LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE);
        Instant now = Instant.now();
        Instant published = now.minus(java.time.Duration.ofDays(40));
        cn.huimin.domain.model.tender.Tender t = new cn.huimin.domain.model.tender.Tender();
        t.setTitle("东湖镇农村公益电影放映服务（演示）Donghu village film screenings (demo)");
        t.setUnitId(unitId);
        t.setCategoryId(film);
        t.setMethod(cn.huimin.domain.model.tender.ProcurementMethod.OPEN_TENDER);
        t.setBudget(new java.math.BigDecimal("200000.00"));
        t.setPriceWeight(30);
        t.setDescription("每村每月放映一场公益电影。One free film screening per village per month.");
        t.setStatus(cn.huimin.domain.model.tender.TenderStatus.OPENED);
        t.setNoticeNumber("HM-" + today.getYear() + "-0000"); // the counter numbers real notices from 0001
        t.setPublishedAt(published);
        t.setBidDeadline(published.plus(java.time.Duration.ofDays(21)));
        t.setCreatedBy("officer");
        t.setCreatedAt(published);
        t.setUpdatedAt(now);
        String[][] lots = {{"桃源村、柳塘村 Taoyuan and Liutang", "vendor3", "96000.00", "HM-DH-1", "HM-DH-2"},
                {"石桥村、荷花村 Shiqiao and Hehua", "vendor5", "88000.00", "HM-DH-3", "HM-DH-4"}};
        for (int i = 0; i < lots.length; i++) {
            cn.huimin.domain.model.tender.TenderLot lot = new cn.huimin.domain.model.tender.TenderLot();
            lot.setTender(t);
            lot.setLotNo(i + 1);
            lot.setTitle(lots[i][0]);
            lot.setBudgetCeiling(new java.math.BigDecimal("100000.00"));
            lot.setServiceStart(today.withDayOfMonth(1));
            lot.setServiceEnd(today.withDayOfMonth(1).plusYears(1).minusDays(1));
            lot.setStatus("AWARDED");
            for (int k = 3; k <= 4; k++) {
                String code = lots[i][k];
                cn.huimin.domain.model.tender.LotDeliverable d = new cn.huimin.domain.model.tender.LotDeliverable();
                d.setLot(lot);
                d.setDeliverableTypeId(screening);
                d.setPlaceId(em.createQuery("select p.id from Place p where p.code = :c", Long.class).setParameter("c", code).getSingleResult());
                d.setQuantity(1);
                d.setPerPeriod(cn.huimin.domain.model.tender.LotDeliverable.Period.MONTH);
                lot.getDeliverables().add(d);
            }
            t.getLots().add(lot);
        }
        em.persist(t);
        em.flush();
        for (cn.huimin.domain.model.tender.TenderLot lot : t.getLots()) {
            String[] l = lots[lot.getLotNo() - 1];
            cn.huimin.domain.model.evaluation.Committee c = new cn.huimin.domain.model.evaluation.Committee();
            c.setTenderId(t.getId());
            c.setLotId(lot.getId());
            c.setLotNo(lot.getLotNo());
            c.setRoundNo(1);
            c.setSize(5);
            c.setExpertSeats(5);
            c.setStatus("COMPLETE");
            c.setEvaluatedAt(published.plus(java.time.Duration.ofDays(22)));
            c.setCompletedAt(published.plus(java.time.Duration.ofDays(23)));
            em.persist(c);
            em.flush();
            cn.huimin.domain.model.vendor.Vendor v = vendors.byUsername(l[1]);
            cn.huimin.domain.model.award.Award a = new cn.huimin.domain.model.award.Award();
            a.setTenderId(t.getId());
            a.setLotId(lot.getId());
            a.setLotNo(lot.getLotNo());
            a.setCommitteeId(c.getId());
            a.setStatus("FINAL");
            a.setWinnerVendorId(v.getId());
            a.setWinnerName(v.getName());
            a.setPrice(new java.math.BigDecimal(l[2]));
            a.setWinnerRank(1);
            a.setConfirmDue(published.plus(java.time.Duration.ofDays(28)));
            a.setConfirmedBy("officer");
            a.setConfirmedAt(published.plus(java.time.Duration.ofDays(24)));
            a.setPublishedAt(now.minus(java.time.Duration.ofDays(10)));
            a.setChallengeUntil(now.minus(java.time.Duration.ofDays(1)));
            em.persist(a);
        }
        em.flush();
        audit.record("system", "DEMO_AWARDS_LOADED", "tender", t.getId(), null, Map.of("lots", lots.length));
    }

    /**
     * A single-source tender of the bureau (mobile film screenings, proposed supplier vendor3) published 20 days ago:
     * its 5-working-day notice has ended with one objection by vendor2. Its single-source process starts with the
     * first request (SingleSourceService.startMissingProcesses): the officer finds the objection to answer, then
     * the negotiation to record.
     */
    private void demoSingleSource(Long unitId) {
        Long film = em.createQuery("select c.id from ServiceCategory c where c.code = 'FILM'", Long.class).getSingleResult();
        Long screening = em.createQuery("select t.id from DeliverableType t where t.code = 'FLM-SCR'", Long.class).getSingleResult();
        cn.huimin.domain.model.vendor.Vendor supplier = vendors.byUsername("vendor3");
        Instant now = Instant.now();
        Instant published = now.minus(java.time.Duration.ofDays(20));
        java.time.LocalDate start = java.time.LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).plusMonths(1).withDayOfMonth(1);
        cn.huimin.domain.model.tender.Tender t = new cn.huimin.domain.model.tender.Tender();
        t.setTitle("松林村流动电影放映（单一来源演示）Songlin mobile film screenings (single source demo)");
        t.setUnitId(unitId);
        t.setCategoryId(film);
        t.setMethod(cn.huimin.domain.model.tender.ProcurementMethod.SINGLE_SOURCE);
        t.setSingleSourceReason("松林村地处山区，仅该放映队具备流动放映设备和山区放映经验。Only this team has mobile equipment for the mountain village.");
        t.setProposedSupplier(supplier.getName());
        t.setBudget(new java.math.BigDecimal("36000.00"));
        t.setPriceWeight(30);
        t.setDescription("松林村每月放映一场公益电影。One free film screening a month in Songlin.");
        t.setStatus(cn.huimin.domain.model.tender.TenderStatus.PUBLISHED);
        t.setNoticeNumber(tenders.allocateNoticeNumber(published));
        t.setPublishedAt(published);
        t.setBidDeadline(cn.huimin.domain.model.tender.DeadlineRules.bidDeadline(t.getMethod(), published, null,
                workingDays.calendar()).toInstant());
        t.setCreatedBy("officer");
        t.setCreatedAt(published);
        t.setUpdatedAt(published);
        cn.huimin.domain.model.tender.TenderLot lot = new cn.huimin.domain.model.tender.TenderLot();
        lot.setTender(t);
        lot.setLotNo(1);
        lot.setTitle("松林村 Songlin");
        lot.setBudgetCeiling(new java.math.BigDecimal("36000.00"));
        lot.setServiceStart(start);
        lot.setServiceEnd(start.plusYears(1).minusDays(1));
        cn.huimin.domain.model.tender.LotDeliverable d = new cn.huimin.domain.model.tender.LotDeliverable();
        d.setLot(lot);
        d.setDeliverableTypeId(screening);
        d.setPlaceId(em.createQuery("select p.id from Place p where p.code = 'HM-XS-1'", Long.class).getSingleResult());
        d.setQuantity(1);
        d.setPerPeriod(cn.huimin.domain.model.tender.LotDeliverable.Period.MONTH);
        lot.getDeliverables().add(d);
        t.getLots().add(lot);
        em.persist(t);
        em.flush();
        cn.huimin.domain.model.tender.TenderNotice n = new cn.huimin.domain.model.tender.TenderNotice();
        n.setTenderId(t.getId());
        n.setVersionNo(1);
        n.setKind(cn.huimin.domain.model.tender.TenderNotice.Kind.TENDER);
        n.setPublishedAt(published);
        n.setBidDeadline(t.getBidDeadline());
        n.setTextBody(t.getDescription());
        em.persist(n);
        cn.huimin.domain.model.singlesource.Objection o = new cn.huimin.domain.model.singlesource.Objection();
        o.setTenderId(t.getId());
        o.setLodgedBy("vendor2");
        o.setText("本县另有放映队也有流动放映车，请说明为何只能由该放映队承担。Another team also has a mobile projection van.");
        o.setLodgedAt(published.plus(java.time.Duration.ofDays(3)));
        em.persist(o);
        em.flush();
        audit.record("system", "DEMO_SINGLE_SOURCE_LOADED", "tender", t.getId(), null, Map.of("supplier", supplier.getName()));
    }

    /** Creates the first administrator from HUIMIN_ADMIN_PASSWORD when the database has no user at all. */
    public void firstAdmin(String password) {
        if (password == null || password.length() < 8
                || em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult() > 0) {
            return;
        }
        AppUser user = new AppUser();
        user.setUsername("admin");
        user.setDisplayName("Administrator");
        user.setRoles("admin");
        user.setPasswordHash(PasswordHasher.hash(password.toCharArray()));
        user.setActive(true);
        user.setCreatedAt(Instant.now());
        em.persist(user);
        audit.record("system", "USER_CREATED", "user", "admin", null, Map.of("username", "admin", "roles", "admin"));
    }

    private void loadCatalogue() {
        category("STEWARD", "文化管家", "Cultural steward",
                new String[][]{{"STW-ACT", "组织活动", "Activity organized", "场", "activity"},
                        {"STW-TRN", "培训课时", "Training hour", "课时", "training hour"},
                        {"STW-TEAM", "培育文艺团队", "Cultural team built", "支", "team"},
                        {"STW-DAY", "驻站服务日", "Day on duty at the station", "天", "day"}},
                new Object[][]{{"STW-I-ACT", "活动开展", "Activities delivered", 25}, {"STW-I-TRN", "培训成效", "Training delivered", 20},
                        {"STW-I-TEAM", "团队建设", "Teams built", 15}, {"STW-I-PRES", "人员在岗", "Staff presence", 10},
                        {"STW-I-SAT", "群众满意度", "Resident satisfaction", 25}, {"STW-I-SAFE", "安全与投诉", "Safety and complaints", 5}});
        category("OPERA", "送戏下乡", "Village opera",
                new String[][]{{"OPR-PERF", "戏曲演出", "Opera performance", "场", "performance"}},
                new Object[][]{{"OPR-I-DEL", "演出场次完成率", "Performances delivered", 40}, {"OPR-I-QUA", "演出质量", "Performance quality", 25},
                        {"OPR-I-SAT", "群众满意度", "Resident satisfaction", 35}});
        category("FILM", "农村公益电影", "Rural film",
                new String[][]{{"FLM-SCR", "公益电影放映", "Film screening", "场", "screening"}},
                new Object[][]{{"FLM-I-DEL", "放映场次完成率", "Screenings delivered", 50}, {"FLM-I-ATT", "观影人次", "Attendance", 20},
                        {"FLM-I-SAT", "群众满意度", "Resident satisfaction", 30}});
        category("TRAINING", "艺术培训", "Arts training",
                new String[][]{{"TRN-HOUR", "艺术培训课时", "Arts training hour", "课时", "training hour"},
                        {"TRN-SHOW", "成果展演", "Final showcase", "场", "showcase"}},
                new Object[][]{{"TRN-I-HRS", "课时完成率", "Hours delivered", 35}, {"TRN-I-ATT", "学员出勤", "Attendance", 20},
                        {"TRN-I-OUT", "培训成果", "Outcomes", 15}, {"TRN-I-SAT", "学员满意度", "Trainee satisfaction", 30}});
        category("VENUE", "场馆运营", "Venue operation",
                new String[][]{{"VEN-DAY", "场馆开放日", "Venue opening day", "天", "opening day"},
                        {"VEN-EVT", "场馆活动", "Venue event", "场", "event"}},
                new Object[][]{{"VEN-I-OPEN", "开放时长达标", "Opening hours kept", 30}, {"VEN-I-USE", "场馆利用率", "Utilization", 25},
                        {"VEN-I-SAFE", "安全管理", "Safety", 15}, {"VEN-I-SAT", "群众满意度", "Resident satisfaction", 30}});
    }

    /** Which delivery figure backs each demo indicator (the same as migration V6 sets for existing catalogues). */
    private static final Map<String, String> EVIDENCE = Map.ofEntries(
            Map.entry("STW-I-ACT", "DELIVERY"), Map.entry("OPR-I-DEL", "DELIVERY"), Map.entry("FLM-I-DEL", "DELIVERY"),
            Map.entry("TRN-I-HRS", "DELIVERY"), Map.entry("VEN-I-USE", "DELIVERY"), Map.entry("STW-I-TRN", "TRAINING_HOURS"),
            Map.entry("STW-I-TEAM", "TEAMS"), Map.entry("FLM-I-ATT", "ATTENDANCE"), Map.entry("TRN-I-ATT", "ATTENDANCE"),
            Map.entry("VEN-I-OPEN", "OPENING_DAYS"), Map.entry("STW-I-SAT", "SATISFACTION"), Map.entry("OPR-I-SAT", "SATISFACTION"),
            Map.entry("FLM-I-SAT", "SATISFACTION"), Map.entry("TRN-I-SAT", "SATISFACTION"), Map.entry("VEN-I-SAT", "SATISFACTION"));

    private void category(String code, String zh, String en, String[][] deliverables, Object[][] indicators) {
        ServiceCategory c = new ServiceCategory();
        c.setCode(code);
        c.setNameZh(zh);
        c.setNameEn(en);
        c.setActive(true);
        em.persist(c);
        for (String[] d : deliverables) {
            DeliverableType t = new DeliverableType();
            t.setCategoryId(c.getId());
            t.setCode(d[0]);
            t.setNameZh(d[1]);
            t.setNameEn(d[2]);
            t.setUnitZh(d[3]);
            t.setUnitEn(d[4]);
            t.setActive(true);
            em.persist(t);
        }
        for (Object[] i : indicators) {
            Indicator ind = new Indicator();
            ind.setCategoryId(c.getId());
            ind.setCode((String) i[0]);
            ind.setNameZh((String) i[1]);
            ind.setNameEn((String) i[2]);
            ind.setWeight((Integer) i[3]);
            ind.setEvidenceKind(EVIDENCE.get((String) i[0]));
            ind.setActive(true);
            em.persist(ind);
        }
    }

    private Place place(String code, String zh, String en, PlaceLevel level, Long parent) {
        Place p = new Place();
        p.setCode(code);
        p.setNameZh(zh);
        p.setNameEn(en);
        p.setLevel(level);
        p.setParentId(parent);
        p.setActive(true);
        em.persist(p);
        em.flush();
        return p;
    }

    private PurchasingUnit unit(String code, String zh, String en, Long placeId) {
        PurchasingUnit u = new PurchasingUnit();
        u.setCode(code);
        u.setNameZh(zh);
        u.setNameEn(en);
        u.setPlaceId(placeId);
        u.setActive(true);
        em.persist(u);
        em.flush();
        return u;
    }
}
