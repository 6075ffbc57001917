package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.PerformanceService;
import cn.huimin.domain.model.performance.PaymentOrder;
import cn.huimin.domain.model.performance.PerformanceEvaluation;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Performance evaluations, payment orders and vendors' credit records. The steps themselves (scoreIndicators,
 * reviewEvaluation, signOffEvaluation, rectify, recheckRectification) are tasks: POST /api/tasks/{id}/complete.
 */
@Path("/performance")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "performance", description = "Performance evaluation, payment orders, credit records")
@SecurityRequirement(name = "basic")
public class PerformanceResource {
    @EJB
    PerformanceService performance;

    public static class PaidInput {
        public String amount;
        public String bankReference;
    }

    static Map<String, Object> order(PaymentOrder p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId());
        m.put("contractId", p.getContractId());
        m.put("milestoneId", p.getMilestoneId());
        m.put("evaluationId", p.getEvaluationId());
        m.put("milestoneAmount", p.getMilestoneAmount().toPlainString());
        m.put("share", p.getShare().toPlainString());
        m.put("amount", p.getAmount().toPlainString());
        m.put("status", p.getStatus());
        m.put("issuedAt", p.getIssuedAt().toString());
        m.put("paidAmount", p.getPaidAmount() == null ? null : p.getPaidAmount().toPlainString());
        m.put("paidAt", p.getPaidAt() == null ? null : p.getPaidAt().toString());
        m.put("bankReference", p.getBankReference());
        return m;
    }

    @GET
    @Path("evaluations/{id}")
    @Operation(summary = "An evaluation with its indicators: weight, evidence, score and comment")
    public Map<String, Object> evaluation(@PathParam("id") long id) {
        PerformanceEvaluation e = performance.readable(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("contractId", e.getContractId());
        m.put("periodStart", e.getPeriodStart().toString());
        m.put("periodEnd", e.getPeriodEnd().toString());
        m.put("finalPeriod", e.isFinalPeriod());
        m.put("status", e.getStatus());
        m.put("evidence", e.getEvidence());
        m.put("totalScore", e.getTotalScore() == null ? null : e.getTotalScore().toPlainString());
        m.put("paymentShare", e.getPaymentShare() == null ? null : e.getPaymentShare().toPlainString());
        m.put("band", e.getBand());
        m.put("rectification", e.isRectification());
        m.put("scoredBy", e.getScoredBy());
        m.put("reviewedBy", e.getReviewedBy());
        m.put("signedBy", e.getSignedBy());
        m.put("returnComment", e.getReturnComment());
        m.put("indicators", performance.scores(id).stream().map(s -> {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", s.getId());
            i.put("name", s.getNameZh() + " " + s.getNameEn());
            i.put("weight", s.getWeight());
            i.put("evidence", s.getEvidence());
            i.put("score", s.getScore() == null ? null : s.getScore().toPlainString());
            i.put("comment", s.getComment());
            return i;
        }).toList());
        return m;
    }

    @PUT
    @Path("evaluations/{id}/scores")
    @Operation(summary = "Save draft scores (evaluator): {\"score.<indicatorId>\": \"18.5\", \"comment.<indicatorId>\": \"...\"}; refused once submitted or signed off")
    public Map<String, Object> saveScores(@PathParam("id") long id, Map<String, String> details) {
        performance.score(id, details == null ? Map.of() : details, false);
        return evaluation(id);
    }

    @GET
    @Path("payments")
    @Operation(summary = "Payment orders, newest first (finance and the purchaser's staff): ?status=ISSUED|PAID|NOTHING_DUE")
    public List<Map<String, Object>> payments(@QueryParam("status") String status, @QueryParam("first") @DefaultValue("0") int first,
                                              @QueryParam("size") @DefaultValue("50") int size) {
        return performance.paymentOrders(status, first, size).stream().map(PerformanceResource::order).toList();
    }

    @POST
    @Path("payments/{id}/paid")
    @Operation(summary = "Record a payment order as paid (finance): amount at most the order's, bank reference")
    public Map<String, Object> paid(@PathParam("id") long id, PaidInput in) {
        BigDecimal amount = in == null ? null : Money.parse(in.amount);
        if (amount == null) {
            throw AppException.invalid("amount", "payment.PAID_NOT_POSITIVE", "");
        }
        return order(performance.recordPaid(id, amount, in.bankReference));
    }

    @GET
    @Path("vendors/{id}/credit")
    @Operation(summary = "A vendor's credit record: evaluations, rectifications, terminations and the grade")
    public PerformanceService.Credit credit(@PathParam("id") long id) {
        return performance.credit(id);
    }
}
