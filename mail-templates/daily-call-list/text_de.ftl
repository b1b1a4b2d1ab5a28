<#ftl encoding="UTF-8">
Guten Morgen ${recipient.name},

<#list items>
hier ist Ihre Anrufliste für ${date}: <#if items?size == 1>1 Anruf<#else>${items?size?c} Anrufe</#if>.

<#items as item>
${item?counter?c?left_pad(2)}. ${item.company}  (Priorität ${item.priority}<#if (item.item)??>, Nr. ${item.item}</#if>)
    ${item.contactName}<#if (item.phone)?has_content>, ${item.phone}</#if>
    Ortszeit: ${item.time}
    ${item.reason}

</#items>
<#else>
für heute ist nichts geplant. Eine gute Gelegenheit, sich bei einem
Kunden zu melden, von dem Sie länger nichts gehört haben.

</#list>
<#if (links.csv)??>
Ihre Liste, nach der Anmeldung mit Ihrem Rapport-Login:
  Tabelle (CSV):      ${links.csv}
  Kalender (.ics):    ${links.calendar}
  JSON:               ${links.callList}

Das Ergebnis jedes Anrufs erfassen Sie über die API, mit seiner Nummer:
  POST ${links.outcome?replace("{item}", "<Nr.>")}
  {"outcome": "REACHED"}, oder VOICEMAIL, NO_ANSWER, RESCHEDULED (mit
  "reschedule_to"), NOT_NEEDED (mit "note")
<#else>
Ihre Liste, nach der Anmeldung mit Ihrem Rapport-Login:
${links.callList}
</#if>

-- 
Gesendet von Rapport für ${company.name}
