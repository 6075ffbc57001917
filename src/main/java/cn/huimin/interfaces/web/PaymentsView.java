package cn.huimin.interfaces.web;

import cn.huimin.application.ContractService;
import cn.huimin.application.PerformanceService;
import cn.huimin.domain.model.performance.PaymentOrder;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.*;

/** Finance: payment orders from the evaluations, recorded as paid with the bank reference. */
@Named
@ViewScoped
public class PaymentsView extends ViewSupport {
    @EJB
    PerformanceService performance;

    @EJB
    ContractService contracts;

    private String status = "ISSUED";
    private List<PaymentOrder> orders;
    private final Map<Long, String> amounts = new HashMap<>();
    private final Map<Long, String> references = new HashMap<>();

    public List<PaymentOrder> getOrders() {
        if (orders == null) {
            orders = new ArrayList<>();
            attempt(() -> orders = performance.paymentOrders(status, 0, 200));
            for (PaymentOrder o : orders) {
                amounts.putIfAbsent(o.getId(), o.getAmount().toPlainString());
            }
        }
        return orders;
    }

    public void filter() {
        orders = null;
    }

    public void pay(Long orderId) {
        BigDecimal a = Money.parse(amounts.get(orderId));
        if (attempt(() -> performance.recordPaid(orderId, a, references.get(orderId)))) {
            info(text("payment.recorded"));
            orders = null;
        }
    }

    public String contractNo(Long contractId) {
        return contracts.contract(contractId).getContractNo();
    }

    public String vendorOf(Long contractId) {
        return contracts.vendorName(contracts.contract(contractId).getVendorId());
    }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Map<Long, String> getAmounts() { return amounts; }
    public Map<Long, String> getReferences() { return references; }
}
