package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/** The shipped runtime as a whole: every bundle active, every component satisfied, a form for each. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT extends MailshelfTestSupport {

    @Test
    public void everyBundleIsActiveAndEveryComponentSatisfied() throws Exception {
        awaitListening("pop3", "lmtp");
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);

        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        List<String> broken = new ArrayList<>();
        int mailshelfConfigurations = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    broken.add(description.name + " state " + c.state);
                }
                if (description.name.startsWith("org.mailshelf")) {
                    mailshelfConfigurations++;
                }
            }
        }
        assertEquals("components not satisfied", List.of(), broken);
        assertTrue("only " + mailshelfConfigurations + " Mailshelf components", mailshelfConfigurations >= 9);
    }

    @Test
    public void everyConfigurableComponentHasAMetatypeForm() throws Exception {
        MetaTypeService metatype = service(MetaTypeService.class);
        List<String> pids = new ArrayList<>();
        List<String> factoryPids = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.mailshelf")) {
                MetaTypeInformation info = metatype.getMetaTypeInformation(b);
                pids.addAll(Arrays.asList(info.getPids()));
                factoryPids.addAll(Arrays.asList(info.getFactoryPids()));
            }
        }
        assertTrue(factoryPids.toString(), factoryPids.containsAll(List.of("org.mailshelf.pop3", "org.mailshelf.lmtp")));
        assertTrue(pids.toString(),
                pids.containsAll(List.of("org.mailshelf.auth", "org.mailshelf.auth.local", "org.mailshelf.store.derby")));
    }
}
