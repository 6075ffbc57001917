package cn.huimin.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Officers act for their own purchasing unit only. A user task offered to the group "officer" is also offered to a
 * routing group: the officers of the tender's unit when the process carries the variable unitId, else every
 * officer. Officers' inboxes list the routing groups, not "officer" itself, so a unit's tasks appear only to its
 * officers. Added to every user task at deployment; the BPMN files stay plain.
 */
public class UnitRouting extends AbstractBpmnParseListener implements TaskListener {
    public static final String OFFICER = "officer";
    public static final String ANY_OFFICER = "officer-any";

    public static String unitGroup(Long unitId) {
        return OFFICER + "-unit-" + unitId;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
            b.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        boolean toOfficers = false;
        for (IdentityLink l : task.getCandidates()) {
            toOfficers |= OFFICER.equals(l.getGroupId());
        }
        if (toOfficers) {
            task.addCandidateGroup(task.getVariable("unitId") instanceof Long unitId ? unitGroup(unitId) : ANY_OFFICER);
        }
    }
}
