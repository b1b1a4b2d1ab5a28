<#ftl encoding="UTF-8">
Good morning ${recipient.name},

<#list items>
Here is your call list for ${date}: <#if items?size == 1>1 call<#else>${items?size?c} calls</#if>.

<#items as item>
${item?counter?c?left_pad(2)}. ${item.company}  (priority ${item.priority}<#if (item.item)??>, item ${item.item}</#if>)
    ${item.contactName}<#if (item.phone)?has_content>, ${item.phone}</#if>
    Local time: ${item.time}
    ${item.reason}

</#items>
<#else>
Nothing planned today. A good moment to check in with a customer you
have not heard from in a while.

</#list>
<#if (links.csv)??>
Your list, after signing in with your Rapport login:
  spreadsheet (CSV):  ${links.csv}
  calendar (.ics):    ${links.calendar}
  JSON:               ${links.callList}

Record what came of each call through the API, with its item number:
  POST ${links.outcome?replace("{item}", "<item>")}
  {"outcome": "REACHED"}, or VOICEMAIL, NO_ANSWER, RESCHEDULED (with
  "reschedule_to"), NOT_NEEDED (with a "note")
<#else>
Your list, after signing in with your Rapport login:
${links.callList}
</#if>

-- 
Sent by Rapport for ${company.name}
