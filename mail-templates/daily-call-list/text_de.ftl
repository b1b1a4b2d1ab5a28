<#ftl encoding="UTF-8">
Guten Morgen ${recipient.name},

<#list items>
hier ist Ihre Anrufliste für ${date}: <#if items?size == 1>1 Anruf<#else>${items?size?c} Anrufe</#if>.

<#items as item>
${item?counter?c?left_pad(2)}. ${item.company}  (Priorität ${item.priority})
    ${item.contactName}<#if (item.phone)?has_content>, ${item.phone}</#if>
    Ortszeit: ${item.time}
    ${item.reason}

</#items>
<#else>
für heute ist nichts geplant. Eine gute Gelegenheit, sich bei einem
Kunden zu melden, von dem Sie länger nichts gehört haben.

</#list>
Anrufliste öffnen und jedes Ergebnis mit einem Klick erfassen:
${links.callList}

-- 
Gesendet von Rapport für ${company.name}
