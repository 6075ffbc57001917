package cn.huimin.application;

import cn.huimin.domain.model.evaluation.EvaluationLine;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation report as a PDF in Chinese and English: the committee and its signatures, the ranking, every member's
 * qualification verdicts and factor scores with comments, and the dissents. The CJK font is embedded (subset).
 */
public final class EvaluationReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));
    private static volatile BaseFont cjk;

    private EvaluationReport() {
    }

    static BaseFont cjk() {
        if (cjk == null) {
            synchronized (EvaluationReport.class) {
                if (cjk == null) {
                    try (InputStream in = EvaluationReport.class.getResourceAsStream("/fonts/DroidSansFallbackFull.ttf")) {
                        byte[] ttf = Objects.requireNonNull(in, "font resource").readAllBytes();
                        cjk = BaseFont.createFont("DroidSansFallbackFull.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf, null);
                    } catch (IOException | DocumentException e) {
                        throw new IllegalStateException("the CJK font cannot be loaded", e);
                    }
                }
            }
        }
        return cjk;
    }

    static Phrase text(String s, float size, int style) {
        FontSelector fs = new FontSelector();
        fs.addFont(new Font(Font.HELVETICA, size, style));
        fs.addFont(new Font(cjk(), size, style));
        return fs.process(s == null ? "" : s);
    }

    static PdfPCell cell(String s, float size) {
        PdfPCell c = new PdfPCell(text(s, size, Font.NORMAL));
        c.setPadding(3);
        return c;
    }

    static PdfPCell head(String s) {
        PdfPCell c = new PdfPCell(text(s, 8, Font.BOLD));
        c.setPadding(3);
        c.setGrayFill(0.9f);
        return c;
    }

    static String time(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    static String num(BigDecimal b) {
        return b == null ? "—" : b.toPlainString();
    }

    public static byte[] pdf(EvaluationService.Summary s, String noticeNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document d = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(d, out);
            d.addTitle("评审报告 Evaluation report " + noticeNumber + " lot " + s.lotNo());
            d.addCreator("Huimin");
            d.open();
            Paragraph title = new Paragraph(text("评审报告 Evaluation report", 16, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            d.add(title);
            d.add(new Paragraph(text(noticeNumber + "  " + s.tenderTitle() + " · 第" + s.lotNo() + "标段 Lot " + s.lotNo(), 10, Font.NORMAL)));
            d.add(new Paragraph(text("评审完成 Evaluated: " + time(s.evaluatedAt()) + "   报告期限 Report due: " + time(s.reportDue())
                    + "   状态 Status: " + s.status(), 9, Font.NORMAL)));

            d.add(new Paragraph(text("\n评标委员会 Committee (" + s.size() + ")", 12, Font.BOLD)));
            PdfPTable m = new PdfPTable(new float[]{3, 2, 2, 2, 2, 4});
            m.setWidthPercentage(100);
            for (String h : List.of("成员 Member", "身份 Seat", "状态 Status", "评分签署 Scores signed", "报告签署 Report signed", "不同意见 Dissent")) {
                m.addCell(head(h));
            }
            for (EvaluationService.MemberView mv : s.members()) {
                if (!"CONFIRMED".equals(mv.status()) && !"RECUSED".equals(mv.status())) {
                    continue;
                }
                m.addCell(cell(mv.name() + (mv.chair() ? " (组长 chair)" : ""), 8));
                m.addCell(cell("EXPERT".equals(mv.kind()) ? "专家 expert" : "采购人代表 purchaser", 8));
                m.addCell(cell("CONFIRMED".equals(mv.status()) ? "成员 member" : "回避 recused: " + Objects.toString(mv.recusalReason(), ""), 8));
                m.addCell(cell(time(mv.scoresSignedAt()), 8));
                m.addCell(cell(time(mv.reportSignedAt()), 8));
                m.addCell(cell(mv.dissent() == null ? "" : mv.dissent(), 8));
            }
            d.add(m);

            d.add(new Paragraph(text("\n评审结果 Result (技术分 technical + 价格分 price = 总分 total)", 12, Font.BOLD)));
            PdfPTable r = new PdfPTable(new float[]{1, 5, 2.5f, 2, 2, 2, 3});
            r.setWidthPercentage(100);
            for (String h : List.of("名次 Rank", "投标人 Bidder", "报价 Price (CNY)", "技术分 Technical", "价格分 Price score", "总分 Total", "结论 Status")) {
                r.addCell(head(h));
            }
            for (EvaluationLine l : s.lines()) {
                r.addCell(cell(l.getRankNo() == null ? "—" : String.valueOf(l.getRankNo()), 8));
                r.addCell(cell(l.getVendorName(), 8));
                r.addCell(cell(num(l.getPrice()), 8));
                r.addCell(cell(num(l.getTechnicalScore()), 8));
                r.addCell(cell(num(l.getPriceScore()), 8));
                r.addCell(cell(num(l.getTotal()), 8));
                r.addCell(cell(l.isQualified() ? "合格 qualified" : "ABNORMALLY_LOW".equals(l.getRejection())
                        ? "否决：异常低价 rejected: abnormally low" : "否决：资格 rejected: qualification", 8));
            }
            d.add(r);

            d.add(new Paragraph(text("\n各成员评分 Scores by member", 12, Font.BOLD)));
            for (EvaluationLine l : s.lines()) {
                d.add(new Paragraph(text(l.getVendorName(), 10, Font.BOLD)));
                float[] widths = new float[2 + s.factors().size()];
                widths[0] = 3;
                widths[1] = 3;
                for (int i = 2; i < widths.length; i++) {
                    widths[i] = 3;
                }
                PdfPTable t = new PdfPTable(widths);
                t.setWidthPercentage(100);
                t.addCell(head("成员 Member"));
                t.addCell(head("资格 Qualification"));
                for (EvaluationService.Factor f : s.factors()) {
                    t.addCell(head(f.name() + " (" + f.points() + ")"));
                }
                for (EvaluationService.MemberView mv : s.members()) {
                    if (!"CONFIRMED".equals(mv.status())) {
                        continue;
                    }
                    t.addCell(cell(mv.name(), 8));
                    String q = s.qualifications().stream().filter(x -> x.member().equals(mv.username()) && x.bidId().equals(l.getBidId()))
                            .map(x -> x.passed() ? "合格 pass" : "不合格 fail: " + Objects.toString(x.reason(), "")).findFirst().orElse("—");
                    t.addCell(cell(q, 8));
                    for (EvaluationService.Factor f : s.factors()) {
                        String v = s.scores().stream().filter(x -> x.member().equals(mv.username()) && x.bidId().equals(l.getBidId())
                                        && x.factorId().equals(f.id()))
                                .map(x -> x.points().toPlainString() + (x.comment() == null ? "" : " — " + x.comment())).findFirst().orElse("—");
                        t.addCell(cell(v, 8));
                    }
                }
                d.add(t);
            }
            d.add(new Paragraph(text("\n价格分 = 最低有效报价 ÷ 投标报价 × 价格权重；技术分 = 各成员因素得分之和的平均值；均保留两位小数（四舍五入）。"
                    + "\nPrice score = lowest valid price ÷ bid price × price weight; technical score = average of the members' factor sums;"
                    + " both rounded to 2 decimals (half up). Ranking: total, then lower price, then higher technical score.", 8, Font.NORMAL)));
            d.add(new Paragraph(text("生成时间 Generated: " + time(Instant.now()), 8, Font.NORMAL)));
            d.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the report cannot be written", e);
        }
        return out.toByteArray();
    }

    static void check(byte[] pdf) {
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P') {
            throw new UncheckedIOException(new IOException("not a PDF"));
        }
    }
}
