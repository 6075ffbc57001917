package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.evaluation.EvaluationLine;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {
    static EvaluationLine line(long bid, String vendor, String price, String tech, String priceScore, Integer rank, String rejection) {
        EvaluationLine l = new EvaluationLine();
        l.setBidId(bid);
        l.setVendorId(bid);
        l.setVendorName(vendor);
        l.setPrice(new BigDecimal(price));
        l.setQualified(rejection == null);
        l.setRejection(rejection);
        if (tech != null) {
            l.setTechnicalScore(new BigDecimal(tech));
            l.setPriceScore(new BigDecimal(priceScore));
            l.setTotal(new BigDecimal(tech).add(new BigDecimal(priceScore)));
        }
        l.setRankNo(rank);
        return l;
    }

    @Test
    void theReportIsAPdfWhoseChineseAndEnglishTextCanBeExtracted() throws Exception {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        var members = List.of(
                new EvaluationService.MemberView("expert3", "评审专家3 Expert 3", "EXPERT", "CONFIRMED", true, 1, now, null, now, now, null),
                new EvaluationService.MemberView("expert4", "评审专家4 Expert 4", "EXPERT", "CONFIRMED", false, 2, now, null, now, now, "设备评分偏高"),
                new EvaluationService.MemberView("expert5", "评审专家5", "EXPERT", "RECUSED", false, 3, now, "学生在投标单位", null, null, null));
        var factors = List.of(new EvaluationService.Factor(11L, 1, "服务方案", 40), new EvaluationService.Factor(12L, 2, "放映设备", 30));
        var lines = List.of(line(1, "西山乡村电影放映队", "260000.00", "53.00", "30.00", 1, null),
                line(2, "南河艺术培训中心", "100000.00", null, null, null, "ABNORMALLY_LOW"));
        var scores = List.of(new EvaluationService.ScoreView("expert3", 1L, 11L, new BigDecimal("33.00"), null),
                new EvaluationService.ScoreView("expert4", 1L, 12L, new BigDecimal("12.50"), "设备老旧"));
        var quals = List.of(new EvaluationService.QualificationView("expert3", 1L, true, null));
        var s = new EvaluationService.Summary(7L, 3L, "2027年东湖镇农村电影放映", 1, 5, "REPORT", now, "officer", now, now.plusSeconds(86400),
                members, factors, lines, scores, quals, true);

        byte[] pdf = EvaluationReport.pdf(s, "HM-2026-0007");

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p));
        }
        String t = text.toString();
        // table cells wrap: compare without white space
        String flat = t.replaceAll("\\s+", "");
        assertThat(t).contains("Evaluation report", "HM-2026-0007");
        assertThat(flat).contains("评审报告", "西山乡村电影放映队", "260000.00", "83.00", "设备评分偏高", "设备老旧", "12.50", "异常低价",
                "学生在投标单位", "评审专家3Expert3(组长chair)");
        // the Chinese font travels with the file
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("FontFile2");
    }
}
