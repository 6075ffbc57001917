package cn.huimin.process;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.AbstractMap;
import java.util.Set;

/**
 * Lets BPMN expressions such as ${tenderWorkflow.publish(execution)} reach named CDI beans.
 * Holds the application's BeanManager so that it also works on job-executor threads.
 */
public class CdiBeansMap extends AbstractMap<Object, Object> {
    private final BeanManager beanManager;

    public CdiBeansMap(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Set<Bean<?>> beans = beanManager.getBeans(name);
        if (beans.isEmpty()) {
            return null;
        }
        Bean<?> bean = beanManager.resolve(beans);
        return beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && !beanManager.getBeans(name).isEmpty();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
