package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the boundaries of the "finance approval required" decision table. */
@Deployment(resources = "processes/finance-approval.dmn")
public class FinanceApprovalDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    @ParameterizedTest(name = "budget {0}, {1} -> {2}")
    @CsvSource({
        "0.00,        OPEN_TENDER,              false",
        "499999.99,   OPEN_TENDER,              false",
        "500000.00,   OPEN_TENDER,              true",
        "500000.01,   OPEN_TENDER,              true",
        "10000000.00, COMPETITIVE_CONSULTATION, true",
        "1000.00,     SINGLE_SOURCE,            true",
        "1000.00,     COMPETITIVE_CONSULTATION, false",
        "750000.00,   SINGLE_SOURCE,            true"
    })
    void financeApprovalRequired(double budget, String method, boolean expected) {
        Object result = extension.getDecisionService()
                .evaluateDecisionTableByKey("finance-approval", Variables.createVariables()
                        .putValue("budget", budget)
                        .putValue("method", method))
                .getSingleResult()
                .getSingleEntry();

        assertThat(result).isEqualTo(expected);
    }

    @Test
    void resultIsATypedBoolean() {
        TypedValue result = extension.getDecisionService()
                .evaluateDecisionTableByKey("finance-approval", Variables.createVariables()
                        .putValue("budget", 500000.0)
                        .putValue("method", "OPEN_TENDER"))
                .getSingleResult()
                .getSingleEntryTyped();

        assertThat(result.getValue()).isEqualTo(Boolean.TRUE);
        assertThat(result.getType().getName()).isEqualTo("boolean");
    }

    @Test
    void decisionIsDeployedWithItsHistoryTimeToLive() {
        DecisionDefinition definition = extension.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("finance-approval").singleResult();

        assertThat(definition.getName()).isEqualTo("Finance approval required");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(5479);
    }
}
