package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractRules;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.contract.Supplement;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractPdfTest {
    static final Instant SIGNED = Instant.parse("2026-12-20T02:30:00Z"); // 10:30 in Beijing

    static BigDecimal b(String s) {
        return new BigDecimal(s);
    }

    static Contract contract() {
        Contract c = new Contract();
        c.setContractNo("HM-HT-2026-0042");
        c.setTitle("2027年东湖镇农村电影放映");
        c.setAmount(b("100000.01"));
        c.setSupplementTotal(b("10000.00"));
        c.setBondPercent(b("5.00"));
        c.setBondAmount(ContractRules.bondAmount(b("100000.01"), b("5.00")));
        c.setTermStart(LocalDate.of(2027, 1, 1));
        c.setTermEnd(LocalDate.of(2027, 9, 30));
        c.setAcceptanceTerms("每季度末由采购人组织验收，终期验收合格后支付尾款。");
        c.setEvaluationTerms("每季度绩效评价，群众满意度占30分。");
        c.setStatus("SIGNED");
        c.setSignDue(Instant.parse("2027-01-05T15:59:59Z"));
        c.setPurchaserSignedBy("officer");
        c.setPurchaserSignedAt(SIGNED);
        c.setVendorSignedBy("vendor1");
        c.setVendorSignedAt(SIGNED.plusSeconds(3600));
        return c;
    }

    static List<Milestone> milestones(Contract c) {
        List<ContractRules.Period> periods = ContractRules.schedule(c.getTermStart(), c.getTermEnd(), ContractRules.Frequency.QUARTER);
        List<BigDecimal> amounts = ContractRules.milestoneAmounts(c.getAmount(), periods.stream().map(ContractRules.Period::sharePercent).toList());
        List<Milestone> out = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Milestone m = new Milestone();
            m.setPositionNo(i + 1);
            m.setPeriodStart(periods.get(i).start());
            m.setPeriodEnd(periods.get(i).end());
            m.setSharePercent(periods.get(i).sharePercent());
            m.setAmount(amounts.get(i));
            m.setFinalPeriod(i == periods.size() - 1);
            m.setStatus("PLANNED");
            out.add(m);
        }
        return out;
    }

    static Supplement supplement() {
        Supplement s = new Supplement();
        s.setAmount(b("10000.00"));
        s.setReason("增加十场放映");
        s.setStatus("SIGNED");
        s.setProposedBy("officer");
        s.setProposedAt(SIGNED.plusSeconds(86_400 * 30));
        s.setVendorSignedBy("vendor1");
        s.setVendorSignedAt(SIGNED.plusSeconds(86_400 * 31));
        return s;
    }

    static final List<ContractPdf.DeliverableLine> DELIVERABLES = List.of(
            new ContractPdf.DeliverableLine("农村电影放映", "东湖村文化广场", "4", "MONTH"),
            new ContractPdf.DeliverableLine("戏曲进乡村", "西岭村", "2", "QUARTER"),
            new ContractPdf.DeliverableLine("非遗展览", "镇文化站", "1", "WHOLE_TERM"));

    static byte[] render(Contract c, List<Milestone> ms, List<Supplement> sups) {
        return ContractPdf.render(c, "HM-2026-0007", 2, "东湖镇人民政府", "西山乡村电影放映队", "91350100MA2XYZ1234",
                "张三", DELIVERABLES, ms, sups);
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p));
        }
        return text.toString();
    }

    @Test
    void theContractIsAPdfWhoseChineseAndEnglishTextCanBeExtracted() throws Exception {
        Contract c = contract();
        List<Milestone> ms = milestones(c);
        byte[] pdf = render(c, ms, List.of(supplement()));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String t = text(pdf);
        // table cells wrap: compare without white space
        String flat = t.replaceAll("\\s+", "");
        assertThat(t).contains("HM-HT-2026-0042", "Contract for the purchase of public cultural services", "HM-2026-0007");
        assertThat(flat).contains("政府购买公共文化服务合同", "2027年东湖镇农村电影放映", "第2标段Lot2",
                "东湖镇人民政府", "西山乡村电影放映队", "91350100MA2XYZ1234", "张三");
        // amount, supplements and bond
        assertThat(flat).contains("合同金额Amount:100000.01元CNY", "补充协议Supplements:10000.00元CNY",
                "履约保证金Performancebond:5.00%=5000.00元CNY");
        assertThat(flat).contains("服务期限Term:2027-01-01—2027-09-30");
        // the deliverables
        assertThat(flat).contains("农村电影放映", "东湖村文化广场", "每月permonth", "戏曲进乡村", "每季度perquarter", "非遗展览",
                "服务期内forthewholeterm");
        // the milestones: 33.33 / 33.33 / 33.34 of 100000.01
        assertThat(ms).extracting(Milestone::getAmount).containsExactly(b("33330.00"), b("33330.00"), b("33340.01"));
        assertThat(flat).contains("2027-01-01—2027-03-31", "2027-07-01—2027-09-30（终期验收finalacceptance）",
                "33.33%", "33.34%", "33330.00", "33340.01");
        assertThat(flat).doesNotContain("2027-04-01—2027-06-30（终期验收");
        // the supplement, signed
        assertThat(flat).contains("七、补充协议", "10000.00元CNY—增加十场放映—已签署signed2027-01-20");
        // signatures in Beijing time
        assertThat(flat).contains("甲方Purchaser:officer2026-12-2010:30", "乙方Vendor:vendor12026-12-2011:30",
                "签署期限Signby:2027-01-0523:59");
        assertThat(flat).contains("公开Published:—");
        assertThat(flat).contains("每季度末由采购人组织验收", "群众满意度占30分");
        // the Chinese font travels with the file
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("FontFile2");
    }

    @Test
    void anUnsignedContractWithoutSupplementsSaysSo() throws Exception {
        Contract c = contract();
        c.setSupplementTotal(BigDecimal.ZERO);
        c.setPurchaserSignedAt(null);
        c.setPurchaserSignedBy(null);
        c.setVendorSignedAt(null);
        c.setVendorSignedBy(null);
        String flat = text(render(c, milestones(c), List.of())).replaceAll("\\s+", "");
        assertThat(flat).contains("甲方Purchaser:未签署notsigned", "乙方Vendor:未签署notsigned");
        assertThat(flat).doesNotContain("七、补充协议", "Supplements:", "Supplementaryagreements");
        assertThat(flat).contains("合同金额Amount:100000.01元CNY");
    }

    @Test
    void aSupplementAwaitingTheVendor() throws Exception {
        Contract c = contract();
        Supplement s = supplement();
        s.setStatus("PROPOSED");
        s.setVendorSignedAt(null);
        String flat = text(render(c, milestones(c), List.of(s))).replaceAll("\\s+", "");
        assertThat(flat).contains("10000.00元CNY—增加十场放映—待签署awaitingthevendor");
        assertThat(flat).doesNotContain("已签署");
    }

    @Test
    void aStableServiceShowsItsReason() throws Exception {
        Contract c = contract();
        c.setTermEnd(LocalDate.of(2029, 12, 31));
        c.setStableService(true);
        c.setLongTermReason("放映设备需长期投入");
        String flat = text(render(c, milestones(c), List.of())).replaceAll("\\s+", "");
        assertThat(flat).contains("服务期限Term:2027-01-01—2029-12-31", "稳定性服务stableservice:放映设备需长期投入");
        // twelve quarters
        assertThat(flat).contains("2029-10-01—2029-12-31（终期验收finalacceptance）", "8.37%");

        Contract plain = contract();
        assertThat(text(render(plain, milestones(plain), List.of())).replaceAll("\\s+", "")).doesNotContain("稳定性服务");
    }
}
