package cn.huimin.application;

import static cn.huimin.application.EvaluationReport.cell;
import static cn.huimin.application.EvaluationReport.head;
import static cn.huimin.application.EvaluationReport.num;
import static cn.huimin.application.EvaluationReport.text;
import static cn.huimin.application.EvaluationReport.time;

import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.contract.Supplement;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The contract as a PDF in Chinese and English, the CJK font embedded so the text can be extracted. */
public final class ContractPdf {

    /** One deliverable row: what, where, how many, per which period. */
    public record DeliverableLine(String item, String place, String quantity, String perPeriod) {
    }

    private ContractPdf() {
    }

    static String period(String p) {
        return switch (p) {
            case "MONTH" -> "每月 per month";
            case "QUARTER" -> "每季度 per quarter";
            case "YEAR" -> "每年 per year";
            default -> "服务期内 for the whole term";
        };
    }

    public static byte[] render(Contract c, String noticeNumber, int lotNo, String purchaser, String vendor, String uscc, String legalRep,
                                List<DeliverableLine> deliverables, List<Milestone> milestones, List<Supplement> supplements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document d = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(d, out);
            d.addTitle("政府购买公共文化服务合同 Public cultural service contract " + c.getContractNo());
            d.addCreator("Huimin");
            d.open();
            Paragraph title = new Paragraph(text("政府购买公共文化服务合同", 16, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            d.add(title);
            Paragraph en = new Paragraph(text("Contract for the purchase of public cultural services", 12, Font.BOLD));
            en.setAlignment(Element.ALIGN_CENTER);
            d.add(en);
            d.add(new Paragraph(text("合同编号 Contract no.: " + c.getContractNo() + "    招标编号 Tender: " + noticeNumber
                    + " · 第" + lotNo + "标段 Lot " + lotNo, 9, Font.NORMAL)));
            d.add(new Paragraph(text("项目 Project: " + c.getTitle(), 10, Font.NORMAL)));

            d.add(new Paragraph(text("\n一、合同双方 Parties", 12, Font.BOLD)));
            d.add(new Paragraph(text("甲方（采购人）Purchaser: " + purchaser, 10, Font.NORMAL)));
            d.add(new Paragraph(text("乙方（承接主体）Vendor: " + vendor + "    统一社会信用代码 USCC: " + uscc
                    + "    法定代表人 Legal representative: " + legalRep, 10, Font.NORMAL)));

            d.add(new Paragraph(text("\n二、服务内容 Deliverables (per place and period)", 12, Font.BOLD)));
            PdfPTable t = new PdfPTable(new float[]{4, 4, 2.5f, 2.5f});
            t.setWidthPercentage(100);
            for (String h : List.of("服务项目 Item", "服务地点 Place", "数量 Quantity", "周期 Period")) {
                t.addCell(head(h));
            }
            for (DeliverableLine l : deliverables) {
                t.addCell(cell(l.item(), 8));
                t.addCell(cell(l.place(), 8));
                t.addCell(cell(l.quantity(), 8));
                t.addCell(cell(period(l.perPeriod()), 8));
            }
            d.add(t);

            d.add(new Paragraph(text("\n三、合同金额与服务期限 Amount and term", 12, Font.BOLD)));
            d.add(new Paragraph(text("合同金额 Amount: " + num(c.getAmount()) + " 元 CNY"
                    + (c.getSupplementTotal().signum() > 0 ? "    补充协议 Supplements: " + num(c.getSupplementTotal()) + " 元 CNY" : ""), 10, Font.NORMAL)));
            d.add(new Paragraph(text("服务期限 Term: " + c.getTermStart() + " — " + c.getTermEnd()
                    + (c.isStableService() ? "    （稳定性服务 stable service: " + c.getLongTermReason() + "）" : ""), 10, Font.NORMAL)));
            d.add(new Paragraph(text("履约保证金 Performance bond: " + num(c.getBondPercent()) + "% = " + num(c.getBondAmount()) + " 元 CNY", 10, Font.NORMAL)));

            d.add(new Paragraph(text("\n四、付款节点 Payment milestones", 12, Font.BOLD)));
            PdfPTable m = new PdfPTable(new float[]{1, 4, 2, 3});
            m.setWidthPercentage(100);
            for (String h : List.of("序号 No.", "考核期 Period", "比例 Share", "金额 Amount (CNY)")) {
                m.addCell(head(h));
            }
            for (Milestone ms : milestones) {
                m.addCell(cell(String.valueOf(ms.getPositionNo()), 8));
                m.addCell(cell(ms.getPeriodStart() + " — " + ms.getPeriodEnd() + (ms.isFinalPeriod() ? "（终期验收 final acceptance）" : ""), 8));
                m.addCell(cell(num(ms.getSharePercent()) + "%", 8));
                m.addCell(cell(num(ms.getAmount()), 8));
            }
            d.add(m);
            d.add(new Paragraph(text("每期付款金额 = 节点金额 × 该期绩效评价确定的付款比例。Each payment = milestone amount × the payment share "
                    + "the period's performance evaluation earned.", 8, Font.NORMAL)));

            d.add(new Paragraph(text("\n五、验收 Acceptance", 12, Font.BOLD)));
            d.add(new Paragraph(text(c.getAcceptanceTerms(), 9, Font.NORMAL)));
            d.add(new Paragraph(text("\n六、绩效评价 Performance evaluation", 12, Font.BOLD)));
            d.add(new Paragraph(text(c.getEvaluationTerms(), 9, Font.NORMAL)));

            if (!supplements.isEmpty()) {
                d.add(new Paragraph(text("\n七、补充协议 Supplementary agreements", 12, Font.BOLD)));
                for (Supplement s : supplements) {
                    d.add(new Paragraph(text("· " + num(s.getAmount()) + " 元 CNY — " + s.getReason() + " — "
                            + ("SIGNED".equals(s.getStatus()) ? "已签署 signed " + time(s.getVendorSignedAt()) : "待签署 awaiting the vendor"), 9, Font.NORMAL)));
                }
            }

            d.add(new Paragraph(text("\n签署 Signatures", 12, Font.BOLD)));
            d.add(new Paragraph(text("甲方 Purchaser: " + (c.getPurchaserSignedAt() == null ? "未签署 not signed"
                    : c.getPurchaserSignedBy() + "  " + time(c.getPurchaserSignedAt())), 10, Font.NORMAL)));
            d.add(new Paragraph(text("乙方 Vendor: " + (c.getVendorSignedAt() == null ? "未签署 not signed"
                    : c.getVendorSignedBy() + "  " + time(c.getVendorSignedAt())), 10, Font.NORMAL)));
            d.add(new Paragraph(text("签署期限 Sign by: " + time(c.getSignDue()) + "    公开 Published: " + time(c.getPublishedAt()), 9, Font.NORMAL)));
            d.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the contract cannot be written", e);
        }
        return out.toByteArray();
    }
}
