<#ftl encoding="UTF-8">
Good morning ${recipient.name},

<#list items>
Here is your call list for ${date}: <#if items?size == 1>1 call<#else>${items?size?c} calls</#if>.

<#items as item>
${item?counter?c?left_pad(2)}. ${item.company}  (priority ${item.priority})
    ${item.contactName}<#if (item.phone)?has_content>, ${item.phone}</#if>
    Local time: ${item.time}
    ${item.reason}

</#items>
<#else>
Nothing planned today. A good moment to check in with a customer you
have not heard from in a while.

</#list>
Open the call list and log each outcome with one click:
${links.callList}

-- 
Sent by Rapport for ${company.name}
