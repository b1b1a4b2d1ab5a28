<#ftl encoding="UTF-8">
Hallo ${recipient.name},

<#if (alert.coveringFor)?has_content>
Sie erhalten diese Nachricht als Vertretung für ${alert.coveringFor}, die oder der abwesend ist.

</#if>
<#if alert.kind == "LOW_RATING">
${alert.company} hat die Lösung eines Problems mit ${alert.detail} von 5 bewertet.
Ein dringender Anruf steht heute auf der Liste von ${alert.salesperson}.
<#else>
${alert.salesperson} hat ${alert.company} in ${alert.detail} Versuchen nicht erreicht.
Der Anruf wartet jetzt auf Ihre Entscheidung: selbst anrufen, verschieben oder schließen.
</#if>

    ${alert.company}<#if (alert.contactName)?has_content>, ${alert.contactName}</#if><#if (alert.phone)?has_content>, ${alert.phone}</#if>
    ${alert.reason}

Anrufliste öffnen:
${links.callList}

-- 
Gesendet von Rapport für ${company.name}
