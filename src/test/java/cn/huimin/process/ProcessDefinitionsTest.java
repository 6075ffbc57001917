package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every file in processes/ with Camunda's model API (no engine) and checks the house
 * rules: executable, history time to live, user tasks with groups, due dates and overdue
 * timers, service tasks calling a bean method by expression, and a diagram for everything.
 */
public class ProcessDefinitionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
    /** "${bean.method(...)}", for example ${tenderWorkflow.publish(execution)}. */
    static final Pattern BEAN_METHOD = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*\\([^()]*\\)\\}$");
    /** A number of days, or the ISO form P{days}D, as the engine accepts them. */
    static final Pattern HISTORY_TTL = Pattern.compile("^(\\d+|P\\d+D)$");

    static Stream<Path> bpmnFiles() throws IOException {
        return files(".bpmn").stream();
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> list = Files.list(PROCESSES)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void theExpectedModelsAreThere() throws IOException {
        assertThat(files(".bpmn")).extracting(p -> p.getFileName().toString())
                .contains("tender-preparation.bpmn", "tender-change.bpmn");
        assertThat(files(".dmn")).extracting(p -> p.getFileName().toString())
                .contains("finance-approval.dmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void processesAreExecutableAndKeepHistoryForARecordedTime(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);

        assertThat(processes).isNotEmpty();
        for (Process process : processes) {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString())
                    .as("%s has historyTimeToLive", process.getId())
                    .isNotNull()
                    .matches(HISTORY_TTL);
            assertThat(process.getName()).as("%s has a name", process.getId()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void userTasksHaveGroupsDueDatesAndANonInterruptingOverdueTimer(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        Collection<BoundaryEvent> boundaryEvents = model.getModelElementsByType(BoundaryEvent.class);

        assertThat(userTasks).isNotEmpty();
        for (UserTask task : userTasks) {
            // a group task, or a personal one (a committee member's, a bidder's), never nobody's
            assertThat(Objects.toString(task.getCamundaCandidateGroups(), "") + Objects.toString(task.getCamundaAssignee(), ""))
                    .as("%s candidateGroups or assignee", task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as("%s dueDate", task.getId()).isNotBlank();
            List<BoundaryEvent> timers = boundaryEvents.stream()
                    .filter(event -> event.getAttachedTo() == task)
                    .filter(event -> !event.getChildElementsByType(TimerEventDefinition.class).isEmpty())
                    .toList();
            assertThat(timers).as("%s has an overdue timer", task.getId()).hasSize(1);
        }
        for (BoundaryEvent event : boundaryEvents) {
            // an overdue timer never takes a task away; only a deadline that ends the step ("... due") interrupts it,
            // and then a service task records what the deadline means
            if (event.cancelActivity()) {
                assertThat(event.getName()).as("%s interrupts: a deadline named '... due'", event.getId()).endsWith(" due");
                assertThat(event.getOutgoing()).as("%s leads to a service task", event.getId())
                        .allSatisfy(f -> assertThat(f.getTarget()).isInstanceOf(ServiceTask.class));
            }
            for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
                assertThat(timer.getTimeDate()).as("%s has a timeDate", event.getId()).isNotNull();
                assertThat(timer.getTimeDate().getTextContent()).startsWith("${");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void serviceTasksCallABeanMethodAndNothingNamesAJavaClass(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaClass()).as("%s camunda:class", task.getId()).isNull();
            assertThat(task.getCamundaDelegateExpression()).as("%s delegateExpression", task.getId()).isNull();
            assertThat(task.getCamundaType()).as("%s camunda:type", task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as("%s camunda:expression", task.getId())
                    .isNotNull()
                    .matches(BEAN_METHOD);
        }
        List<String> withClass = new ArrayList<>();
        collectCamundaClassAttributes(model.getDocument().getRootElement(), withClass);
        assertThat(withClass).as("elements with camunda:class").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void businessRuleTasksReferToADecisionThatExists(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> decisionIds = new HashSet<>();
        for (Path dmn : files(".dmn")) {
            Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)
                    .forEach(decision -> decisionIds.add(decision.getId()));
        }

        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(task.getCamundaClass()).as("%s camunda:class", task.getId()).isNull();
            assertThat(task.getCamundaDecisionRef()).as("%s decisionRef", task.getId()).isIn(decisionIds);
            // No decision result is ever stored as a Map (or list) variable: that would need Java serialization,
            // which is off. Either the single plain value of a one-output decision goes into the result variable,
            // or there is no result variable and a bean method copies the transient "decisionResult" into plain
            // variables when the task ends.
            String resultVariable = task.getCamundaResultVariable();
            List<CamundaExecutionListener> endListeners = executionListeners(task).stream()
                    .filter(listener -> "end".equals(listener.getCamundaEvent()))
                    .toList();
            if (resultVariable != null) {
                assertThat(resultVariable).as("%s resultVariable", task.getId()).isNotBlank();
                assertThat(task.getCamundaMapDecisionResult())
                        .as("%s with resultVariable %s maps the decision result to a single value", task.getId(), resultVariable)
                        .isEqualTo("singleEntry");
            } else {
                assertThat(task.getDomElement().getAttribute(CAMUNDA_BPMN_NS, "mapDecisionResult"))
                        .as("%s without resultVariable has no mapDecisionResult", task.getId())
                        .isNull();
                assertThat(endListeners).as("%s without resultVariable reads the decision in an end listener", task.getId())
                        .isNotEmpty()
                        .allSatisfy(listener -> {
                            assertThat(listener.getCamundaClass()).as("%s listener class", task.getId()).isNull();
                            assertThat(listener.getCamundaDelegateExpression()).as("%s listener delegateExpression", task.getId()).isNull();
                            assertThat(listener.getCamundaScript()).as("%s listener script", task.getId()).isNull();
                            assertThat(listener.getCamundaExpression()).as("%s end listener expression", task.getId())
                                    .isNotNull()
                                    .matches(BEAN_METHOD);
                        });
            }
        }
    }

    private static List<CamundaExecutionListener> executionListeners(BusinessRuleTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        return extensions == null ? List.of()
                : extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyElementIsNamedAndEveryDecisionIsComplete(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("%s has a name", node.getId()).isNotBlank();
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            Collection<SequenceFlow> outgoing = gateway.getOutgoing();
            if (outgoing.size() < 2) {
                continue;
            }
            for (SequenceFlow flow : outgoing) {
                boolean isDefault = flow.equals(gateway.getDefault());
                assertThat(isDefault || flow.getConditionExpression() != null)
                        .as("%s out of %s has a condition or is the default", flow.getId(), gateway.getId())
                        .isTrue();
                assertThat(flow.getName()).as("%s is labelled", flow.getId()).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyElementIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as("shape for %s", node.getId()).contains(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("edge for %s", flow.getId()).contains(flow.getId());
        }
    }

    @Test
    void decisionsKeepHistoryForARecordedTime() throws IOException {
        List<Path> dmnFiles = files(".dmn");
        assertThat(dmnFiles).isNotEmpty();
        for (Path file : dmnFiles) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString())
                        .as("%s in %s has historyTimeToLive", decision.getId(), file)
                        .isNotNull()
                        .matches(HISTORY_TTL);
            }
        }
    }

    private static void collectCamundaClassAttributes(DomElement element, List<String> found) {
        // camunda:class on a BPMN element, or class="..." on a camunda listener element
        boolean namesAClass = element.getAttribute(CAMUNDA_BPMN_NS, "class") != null
                || (CAMUNDA_BPMN_NS.equals(element.getNamespaceURI()) && element.getAttribute("class") != null);
        if (namesAClass) {
            String id = element.getAttribute("id");
            found.add(element.getLocalName() + (id == null ? "" : " " + id));
        }
        for (DomElement child : element.getChildElements()) {
            collectCamundaClassAttributes(child, found);
        }
    }
}
