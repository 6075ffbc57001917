package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks every band and every boundary of the "payment share" decision table: 90 or more pays in full,
 * from 80 95 %, from 70 85 %, from 60 70 % with a rectification, and below 60 nothing, with a
 * rectification, the period counting as failing.
 */
@Deployment(resources = "processes/payment-share.dmn")
public class PaymentShareDecisionTest {

    static final String DECISION_KEY = "payment-share";

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    @ParameterizedTest(name = "score {0} -> {1} of the payment, rectification {2}, failing {3}, {4}")
    @CsvSource({
        "100.00, 1.00, false, false, EXCELLENT",
        "95.00,  1.00, false, false, EXCELLENT",
        "90.00,  1.00, false, false, EXCELLENT",
        "89.99,  0.95, false, false, GOOD",
        "85.00,  0.95, false, false, GOOD",
        "80.00,  0.95, false, false, GOOD",
        "79.99,  0.85, false, false, FAIR",
        "75.00,  0.85, false, false, FAIR",
        "70.00,  0.85, false, false, FAIR",
        "69.99,  0.70, true,  false, PASS",
        "65.00,  0.70, true,  false, PASS",
        "60.00,  0.70, true,  false, PASS",
        "59.99,  0.00, true,  true,  FAIL",
        "30.00,  0.00, true,  true,  FAIL",
        "0.00,   0.00, true,  true,  FAIL"
    })
    void paymentShare(double score, double share, boolean rectification, boolean failing, String band) {
        DmnDecisionResult result = evaluate(score);

        assertThat(result).hasSize(1);
        Map<String, Object> entries = result.getSingleResult().getEntryMap();
        assertThat(entries).containsOnlyKeys("share", "rectification", "failing", "band");
        assertThat(entries.get("share")).isEqualTo(share);
        assertThat(entries.get("rectification")).isEqualTo(rectification);
        assertThat(entries.get("failing")).isEqualTo(failing);
        assertThat(entries.get("band")).isEqualTo(band);
    }

    @Test
    void theOutputsAreTypedAndInTheOrderOfTheTable() {
        DmnDecisionResultEntries entries = evaluate(65.0).getSingleResult();

        assertThat(entries.keySet()).containsExactly("share", "rectification", "failing", "band");
        assertThat(entries.getEntryTyped("share").getType().getName()).isEqualTo("double");
        assertThat(entries.getEntryTyped("rectification").getType().getName()).isEqualTo("boolean");
        assertThat(entries.getEntryTyped("failing").getType().getName()).isEqualTo("boolean");
        assertThat(entries.getEntryTyped("band").getType().getName()).isEqualTo("string");
        assertThat(entries.<Object>getEntry("share")).isEqualTo(Double.valueOf(0.70));
    }

    @Test
    void anIntegralScoreIsReadAsADouble() {
        // a score may come as a Long or an Integer; it still compares by value
        assertThat(extension.getDecisionService().evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables().putValue("score", 70L))
                .getSingleResult().<Object>getEntry("band")).isEqualTo("FAIR");
        assertThat(extension.getDecisionService().evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables().putValue("score", 69))
                .getSingleResult().<Object>getEntry("band")).isEqualTo("PASS");
    }

    @Test
    void aScoreAboveOneHundredStillPaysInFullAndABelowZeroOneFails() {
        assertThat(evaluate(100.01).getSingleResult().<Object>getEntry("band")).isEqualTo("EXCELLENT");
        assertThat(evaluate(-0.01).getSingleResult().<Object>getEntry("band")).isEqualTo("FAIL");
    }

    @Test
    void aMissingScoreIsNotDecided() {
        assertThatThrownBy(() -> extension.getDecisionService().evaluateDecisionByKey(DECISION_KEY).evaluate())
                .isInstanceOf(ProcessEngineException.class);
        assertThat(extension.getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("score", null)).evaluate().getResultList()).isEmpty();
    }

    @Test
    void decisionIsDeployedWithItsNameAndHistoryTimeToLive() {
        DecisionDefinition definition = extension.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY).singleResult();

        assertThat(definition.getName()).isEqualTo("Payment share of a period");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(5479);
    }

    // ---------------------------------------------------------------- helpers

    DmnDecisionResult evaluate(double score) {
        return extension.getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("score", score))
                .evaluate();
    }
}
