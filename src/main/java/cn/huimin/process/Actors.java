package cn.huimin.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who moves a process: the authenticated user completing a task, or "system" for timers. */
final class Actors {
    private Actors() {
    }

    static String of(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
    }
}
