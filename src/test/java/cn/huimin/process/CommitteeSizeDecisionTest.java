package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the boundaries of the "committee size" decision table: 7 members for a lot budget of
 * 10,000,000 CNY or more, 5 for anything less.
 */
@Deployment(resources = "processes/committee-size.dmn")
public class CommitteeSizeDecisionTest {

    static final String DECISION_KEY = "committee-size";

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    @ParameterizedTest(name = "budget {0} -> {1} members")
    @CsvSource({
        "0.00,                5",
        "0.01,                5",
        "500000.00,           5",
        "9999999.99,          5",
        "10000000.00,         7",
        "10000000.01,         7",
        "12000000.00,         7",
        "999999999999999.00,  7"
    })
    void committeeSize(double lotBudget, int expected) {
        assertThat(size(lotBudget)).isEqualTo(expected);
    }

    @Test
    void theLargestBudgetStillGetsSevenMembers() {
        assertThat(size(Double.MAX_VALUE)).isEqualTo(7);
    }

    @Test
    void exactlyOneRuleDecidesAndTheResultIsATypedInteger() {
        DmnDecisionResult result = evaluate(10_000_000.0);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().keySet()).containsExactly("committeeSize");
        TypedValue size = result.getSingleResult().getSingleEntryTyped();
        assertThat(size.getValue()).isEqualTo(Integer.valueOf(7));
        assertThat(size.getType().getName()).isEqualTo("integer");

        TypedValue small = evaluate(9_999_999.99).getSingleResult().getSingleEntryTyped();
        assertThat(small.getValue()).isEqualTo(Integer.valueOf(5));
        assertThat(small.getType().getName()).isEqualTo("integer");
    }

    @Test
    void anIntegralBudgetIsReadAsADouble() {
        // the opening passes lotBudget as a Double; a Long or Integer still compares by value
        assertThat(extension.getDecisionService().evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables().putValue("lotBudget", 10_000_000L))
                .getSingleResult().<Object>getSingleEntry()).isEqualTo(7);
        assertThat(extension.getDecisionService().evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables().putValue("lotBudget", 9_999_999))
                .getSingleResult().<Object>getSingleEntry()).isEqualTo(5);
    }

    @Test
    void decisionIsDeployedWithItsNameAndHistoryTimeToLive() {
        DecisionDefinition definition = extension.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY).singleResult();

        assertThat(definition.getName()).isEqualTo("Evaluation committee size");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(5479);
    }

    @Test
    void aNegativeOrMissingBudgetMatchesNoRule() {
        assertThat(evaluate(-0.01).getResultList()).isEmpty();
        assertThat(extension.getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("lotBudget", null)).evaluate().getResultList()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    DmnDecisionResult evaluate(double lotBudget) {
        return extension.getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("lotBudget", lotBudget))
                .evaluate();
    }

    Object size(double lotBudget) {
        return evaluate(lotBudget).getSingleResult().getSingleEntry();
    }
}
