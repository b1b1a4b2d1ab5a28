package org.rapport.netweaving;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/** Daily: the reward rules that follow the calendar (anniversaries). Idempotent per subject, so a duplicate firing adds nothing. */
@Dependent
@Scheduled(cron = "rapport.rewards.cron")
@DisallowConcurrentExecution
public class RewardRulesJob implements Job {

    @Inject
    RewardService rewards;

    @Override
    public void execute(JobExecutionContext context) {
        rewards.proposeDue();
    }
}
