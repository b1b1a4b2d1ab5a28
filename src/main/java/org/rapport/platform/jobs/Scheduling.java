package org.rapport.platform.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.rapport.platform.database.DataSources;
import org.rapport.platform.time.ScheduleZone;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.logging.Logger;

/**
 * The clustered Quartz scheduler: JDBC job store on the Rapport database, so several instances share the schedule and
 * each firing runs on one of them. Jobs are CDI beans marked {@link Scheduled}, run on the container's managed threads.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "StartupSteps"}) // jobs that fire at start see the data the start-up steps made
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduling {

    private static final Logger LOG = Logger.getLogger(Scheduling.class.getName());
    static final String DATA_SOURCE = "rapport";
    static final String GROUP = "rapport";

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    @Inject
    BeanManager beans;

    @Inject
    Config config;

    @Inject
    MetricRegistry registry;

    /** Injected, so that a zone that does not exist fails the deployment with its reason. */
    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone zone;

    private Scheduler scheduler;

    @PostConstruct
    void start() {
        try {
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new DataSourceConnectionProvider(dataSource));
            scheduler = new StdSchedulerFactory(properties()).getScheduler();
            scheduler.setJobFactory(new CdiJobFactory());
            scheduler.getListenerManager().addTriggerListener(new MisfireCounter(registry.counter(MisfireCounter.METADATA)));
            if (config.getValue("rapport.jobs.log-firings", Boolean.class)) {
                // off by default: with the dispatcher's trigger every 2 s it is some 43,000 lines a day
                scheduler.getListenerManager().addTriggerListener(new FiringLog(InstanceName.VALUE));
            }
            for (String job : TriggersInError.reset(scheduler, GROUP)) {
                LOG.warning(() -> "The trigger of " + job + " was in ERROR (an instance that cannot run it picked it up); reset");
            }
            List<Class<? extends Job>> atStart = scheduleMarkedJobs();
            scheduler.start();
            for (Class<? extends Job> type : atStart) {
                triggerNow(type);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "rapport");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", ManagedThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", config.getOptionalValue("rapport.quartz.threads", String.class).orElse("4"));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "7500");
        // without it, clustered nodes can fire one trigger twice (quartz issues 29, 107, 280)
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    private List<Class<? extends Job>> scheduleMarkedJobs() throws SchedulerException {
        List<Class<? extends Job>> atStart = new ArrayList<>();
        TimeZone zone = this.zone.timeZone();
        Set<Bean<?>> jobBeans = beans.getBeans(Job.class);
        for (Bean<?> bean : jobBeans) {
            Scheduled marker = bean.getBeanClass().getAnnotation(Scheduled.class);
            if (marker != null) {
                @SuppressWarnings("unchecked")
                Class<? extends Job> type = (Class<? extends Job>) bean.getBeanClass();
                schedule(type, CronSetting.checked(marker.cron(), config.getValue(marker.cron(), String.class)), zone);
                if (marker.atStart()) {
                    atStart.add(type);
                }
            }
        }
        return atStart;
    }

    /**
     * (Re)schedules a job only when it is new or its schedule changed: replacing an unchanged trigger at every start
     * would forget a firing missed while the cluster was down. A missed firing runs once ("fire and proceed"), never
     * once per missed day.
     */
    private void schedule(Class<? extends Job> type, String cron, TimeZone zone) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(type.getSimpleName(), GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(type.getSimpleName(), GROUP);
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing instanceof CronTrigger c && c.getCronExpression().equals(cron) && c.getTimeZone().getID().equals(zone.getID())
                && scheduler.checkExists(jobKey)) {
            return;
        }
        JobDetail job = JobBuilder.newJob(type).withIdentity(jobKey).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone).withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
        LOG.info(() -> "Scheduled " + type.getSimpleName() + " at '" + cron + "' " + zone.getID());
    }

    /** Runs a job now, on whichever instance picks it up (for operators and tests). */
    public void triggerNow(Class<? extends Job> type) {
        try {
            scheduler.triggerJob(JobKey.jobKey(type.getSimpleName(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scheduled jobs whose trigger is in ERROR: picked up by an instance that could not load the job. */
    public List<String> jobsInError() {
        if (scheduler == null) {
            return List.of();
        }
        try {
            return TriggersInError.in(scheduler, GROUP);
        } catch (SchedulerException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    public boolean isRunning() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        try {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warning("Quartz did not stop cleanly: " + e.getMessage());
        }
    }
}
