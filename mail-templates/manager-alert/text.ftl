<#ftl encoding="UTF-8">
Hello ${recipient.name},

<#if (alert.coveringFor)?has_content>
You receive this for ${alert.coveringFor}, who is away and named you as their backup.

</#if>
<#if alert.kind == "LOW_RATING">
${alert.company} rated how a problem was handled ${alert.detail} of 5.
An urgent call is on ${alert.salesperson}'s list for today.
<#else>
${alert.salesperson} tried ${alert.detail} times to reach ${alert.company} and did not get through.
The call is now waiting for you to decide: call yourself, reschedule or close it.
</#if>

    ${alert.company}<#if (alert.contactName)?has_content>, ${alert.contactName}</#if><#if (alert.phone)?has_content>, ${alert.phone}</#if>
    ${alert.reason}

Open the call list:
${links.callList}

-- 
Sent by Rapport for ${company.name}
